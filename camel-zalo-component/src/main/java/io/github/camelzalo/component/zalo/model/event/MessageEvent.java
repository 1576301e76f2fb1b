package io.github.camelzalo.component.zalo.model.event;

import java.util.List;

/**
 * A message a user sent to the OA ({@code user_send_text}, {@code user_send_image}, {@code user_send_file},
 * {@code user_send_sticker}, {@code user_send_gif}, {@code user_send_audio}, {@code user_send_video},
 * {@code user_send_link}, {@code user_send_location}, and others of that family), or one the OA sent from Zalo's own
 * tools ({@code oa_send_*}). The text is the customer's: log it at DEBUG only.
 */
public class MessageEvent extends ZaloEvent {

    private String text;
    private List<EventAttachment> attachments = List.of();

    /** The text, or the caption of a media message; {@code null} when there is none. */
    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** The images, files, stickers, links or locations of the message; empty for a text. */
    public List<EventAttachment> getAttachments() {
        return attachments;
    }

    public void setAttachments(List<EventAttachment> attachments) {
        this.attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Whether the OA sent it ({@code oa_send_*}) rather than the user. */
    public boolean isFromOa() {
        return getEventName() != null && getEventName().startsWith("oa_");
    }
}
