package io.github.camelzalo.component.zalo.model.event;

import java.util.List;

/** The user read OA messages ({@code user_seen_message}): their ids ({@code message.msg_ids}). */
public class SeenEvent extends ZaloEvent {

    private List<String> messageIds = List.of();

    /** The ids of the messages read, as their sends returned them. */
    public List<String> getMessageIds() {
        return messageIds;
    }

    public void setMessageIds(List<String> messageIds) {
        this.messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }
}
