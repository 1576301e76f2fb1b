package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.OaMessage;
import io.github.camelzalo.component.zalo.model.OaMessageRequest;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.SendImageRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:sendImage} on provider zalo. Recipient from {@code CamelZaloUserId}; the image from
 * {@code CamelZaloImageUrl} or {@code CamelZaloAttachmentId} (exactly one), of {@code CamelZaloMediaType} image
 * (the default), gif or sticker; the caption from {@code CamelZaloMessage}. A {@link SendImageRequest} or
 * {@link OaMessageRequest} body is used as it is.
 */
public final class OaSendImageBinding implements OperationBinding<OaMessageRequest, OaMessageResult> {

    @Override
    public OaMessageRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        Object body = m.getBody();
        String oaId = OaValues.oaId(m, endpoint);
        if (body instanceof OaMessageRequest request) {
            return OaValues.requireOaId(request.withDefaultOaId(oaId));
        }
        if (body instanceof SendImageRequest image) {
            SendImageRequest r = image.withDefaultOaId(oaId);
            return OaValues.requireOaId(OaMessageRequest.builder().userId(r.getUserId()).oaId(r.getOaId())
                    .message(OaMessage.builder().media(OaMessage.MediaType.image, r.getImageUrl(), r.getAttachmentId())
                            .build())
                    .build());
        }
        String url = ExchangeValues.text(m, ZaloConstants.IMAGE_URL);
        String attachmentId = ExchangeValues.text(m, ZaloConstants.ATTACHMENT_ID);
        if (url == null && attachmentId == null) {
            throw new ZaloValidationException(ZaloConstants.IMAGE_URL + "/" + ZaloConstants.ATTACHMENT_ID,
                    "is required: give the image's URL or its attachment id");
        }
        if (url != null && attachmentId != null) {
            throw new ZaloValidationException(ZaloConstants.IMAGE_URL + "/" + ZaloConstants.ATTACHMENT_ID,
                    "are both set: give exactly one, the image's URL or its attachment id");
        }
        String mediaType = ExchangeValues.text(m, ZaloConstants.MEDIA_TYPE);
        OaMessage.MediaType type = mediaType == null ? OaMessage.MediaType.image : mediaType(mediaType);
        return OaValues.requireOaId(OaMessageRequest.builder()
                .userId(ExchangeValues.id(m, ZaloConstants.USER_ID))
                .oaId(oaId)
                .message(OaMessage.builder().media(type, url, attachmentId)
                        .text(ExchangeValues.text(m, ZaloConstants.MESSAGE)).build())
                .build());
    }

    private static OaMessage.MediaType mediaType(String name) {
        for (OaMessage.MediaType t : OaMessage.MediaType.values()) {
            if (t.name().equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new ZaloValidationException(ZaloConstants.MEDIA_TYPE, "must be image, gif or sticker");
    }

    @Override
    public void write(Exchange exchange, OaMessageResult result) {
        OaMessageResults.write(exchange, result);
    }
}
