package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.SendImageRequest;
import io.github.camelzalo.component.zalo.model.SendImageResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Recipient from {@code CamelZaloUserId} (the Zalo user id); image from {@code CamelZaloImageUrl} or
 * {@code CamelZaloAttachmentId}. A {@link SendImageRequest} body is used as it is. Sets
 * {@code CamelZaloMessageId}, {@code CamelZaloQuotaType} and {@code CamelZaloQuotaRemain}.
 */
public final class SendImageBinding implements OperationBinding<SendImageRequest, SendImageResult> {

    @Override
    public SendImageRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        String defaultOaId = endpoint.getOaId();
        Message m = exchange.getMessage();
        String oaId = ExchangeValues.id(m, ZaloConstants.OA_ID);
        String effectiveOaId = oaId != null ? oaId : defaultOaId;
        ExchangeValues.notAnotherOperationsRequest(m.getBody(), SendImageRequest.class, "sendImage");
        if (m.getBody() instanceof SendImageRequest request) {
            SendImageRequest r = request.withDefaultOaId(effectiveOaId);
            ExchangeValues.requireOaId(r.getOaId());
            return r;
        }
        SendImageRequest r = SendImageRequest.builder()
                .userId(ExchangeValues.id(m, ZaloConstants.USER_ID))
                .oaId(effectiveOaId)
                .imageUrl(ExchangeValues.text(m, ZaloConstants.IMAGE_URL))
                .attachmentId(ExchangeValues.text(m, ZaloConstants.ATTACHMENT_ID))
                .build();
        ExchangeValues.requireOaId(r.getOaId());
        return r;
    }

    @Override
    public void write(Exchange exchange, SendImageResult result) {
        Message m = exchange.getMessage();
        m.setBody(result);
        m.setHeader(ZaloConstants.MESSAGE_ID, result.getMsgId());
        if (result.getQuota() != null) {
            m.setHeader(ZaloConstants.QUOTA_TYPE, result.getQuota().getQuotaType());
            m.setHeader(ZaloConstants.QUOTA_REMAIN, result.getQuota().getRemain());
        }
    }
}
