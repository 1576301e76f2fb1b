package io.github.camelzalo.component.zalo.model;

/**
 * What {@code zalo:upload} got back: an attachment id for an image or GIF (for {@code sendImage}), a token for a
 * file (for {@code sendFile}). Zalo keeps uploads about 7 days.
 */
public class UploadResult {

    private UploadType type;
    private String attachmentId;
    private String token;

    public UploadType getType() {
        return type;
    }

    public void setType(UploadType type) {
        this.type = type;
    }

    /** The attachment id of an image or GIF, else {@code null}. */
    public String getAttachmentId() {
        return attachmentId;
    }

    public void setAttachmentId(String attachmentId) {
        this.attachmentId = attachmentId;
    }

    /** The token of a file, else {@code null}. */
    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    @Override
    public String toString() {
        return "UploadResult[" + type + ", attachmentId=" + attachmentId + ", token=" + token + "]";
    }
}
