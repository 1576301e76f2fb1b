package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.ATTACHMENT_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.IMAGE_URL;
import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.USER_ID;

/**
 * Send an image as a consultation message to a Zalo user, by URL or by the attachment id of an uploaded image.
 * Validated when built; may be the body of an exchange sent to {@code zalo:sendImage}. The OA id may be left out
 * here and come from the endpoint.
 */
public final class SendImageRequest {

    private final String userId;
    private final String oaId;
    private final String imageUrl;
    private final String attachmentId;

    private SendImageRequest(Builder b) {
        if (b.imageUrl == null && b.attachmentId == null) {
            throw new ZaloValidationException(IMAGE_URL + "/" + ATTACHMENT_ID,
                    "is required: give the image's URL or its attachment id");
        }
        if (b.imageUrl != null && b.attachmentId != null) {
            throw new ZaloValidationException(IMAGE_URL + "/" + ATTACHMENT_ID,
                    "are both set: give exactly one, the image's URL or its attachment id");
        }
        this.userId = Checks.numericId(USER_ID, b.userId);
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
        this.imageUrl = b.imageUrl == null ? null : Checks.imageUrl(IMAGE_URL, b.imageUrl);
        this.attachmentId = b.attachmentId == null ? null : Checks.attachmentId(ATTACHMENT_ID, b.attachmentId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Zalo user id of the recipient. */
    public String getUserId() {
        return userId;
    }

    public String getOaId() {
        return oaId;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    /** A copy with the OA id filled in when this request has none. */
    public SendImageRequest withDefaultOaId(String defaultOaId) {
        if (oaId != null || defaultOaId == null) {
            return this;
        }
        return builder().userId(userId).oaId(defaultOaId).imageUrl(imageUrl).attachmentId(attachmentId).build();
    }

    @Override
    public String toString() {
        return "SendImageRequest[userId=" + userId + ", oaId=" + oaId
               + (imageUrl != null ? ", imageUrl=" + imageUrl : ", attachmentId=" + attachmentId) + "]";
    }

    public static final class Builder {
        private String userId;
        private String oaId;
        private String imageUrl;
        private String attachmentId;

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        public Builder attachmentId(String attachmentId) {
            this.attachmentId = attachmentId;
            return this;
        }

        /** @throws ZaloValidationException when a field is missing, doubled or breaks a rule */
        public SendImageRequest build() {
            return new SendImageRequest(this);
        }
    }
}
