package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import io.github.camelzalo.component.zalo.model.SendMessageResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Recipient from {@code CamelZaloPhoneNo} or {@code CamelZaloUserId}; content from {@code CamelZaloScriptId} (with
 * {@code CamelZaloTemplateParams}) or {@code CamelZaloMessage}, else the String body. A {@link SendMessageRequest}
 * body is used as it is.
 */
public final class SendMessageBinding implements OperationBinding<SendMessageRequest, SendMessageResult> {

    @Override
    public SendMessageRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        String defaultOaId = endpoint.getOaId();
        Message m = exchange.getMessage();
        Object body = m.getBody();
        String oaId = ExchangeValues.id(m, ZaloConstants.OA_ID);
        String effectiveOaId = oaId != null ? oaId : defaultOaId;
        ExchangeValues.notAnotherOperationsRequest(m.getBody(), SendMessageRequest.class, "send");
        if (body instanceof SendMessageRequest request) {
            SendMessageRequest r = request.withDefaultOaId(effectiveOaId);
            ExchangeValues.requireOaId(r.getOaId());
            return r;
        }
        Long scriptId = ExchangeValues.integer(m, ZaloConstants.SCRIPT_ID);
        String message = ExchangeValues.text(m, ZaloConstants.MESSAGE);
        if (scriptId == null && message == null && body instanceof CharSequence cs) {
            message = cs.toString();
        }
        SendMessageRequest r = SendMessageRequest.builder()
                .phoneNo(ExchangeValues.text(m, ZaloConstants.PHONE_NO))
                .userId(ExchangeValues.id(m, ZaloConstants.USER_ID))
                .oaId(effectiveOaId)
                .scriptId(scriptId)
                .templateParams(ExchangeValues.map(m, ZaloConstants.TEMPLATE_PARAMS))
                .message(message)
                .build();
        ExchangeValues.requireOaId(r.getOaId());
        return r;
    }

    @Override
    public void write(Exchange exchange, SendMessageResult result) {
        Message m = exchange.getMessage();
        m.setBody(result);
        m.setHeader(ZaloConstants.RESULT_CODE, result.getCode());
    }
}
