package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import io.github.camelzalo.component.zalo.model.SendMessageResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Recipient from {@code CamelZaloPhoneNo} or {@code CamelZaloContactId}; content from {@code CamelZaloScriptId} (with
 * {@code CamelZaloTemplateParams} and {@code CamelZaloTemplateParam.<name>} headers) or {@code CamelZaloMessage}, else
 * the String body. A {@link SendMessageRequest}
 * body is used as it is. {@code CamelZaloUserId}, the Zalo user id a route may have set for {@code sendImage}, is
 * never read as a recipient here: taken for a CareSoft contact id, it could reach another customer.
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
        String phoneNo = ExchangeValues.text(m, ZaloConstants.PHONE_NO);
        String contactId = ExchangeValues.id(m, ZaloConstants.CONTACT_ID);
        if (phoneNo == null && contactId == null && m.getHeader(ZaloConstants.USER_ID) != null) {
            throw new ZaloValidationException(ZaloConstants.PHONE_NO + "/" + ZaloConstants.CONTACT_ID,
                    "is required: give the recipient's phone number or CareSoft contact id ("
                    + ZaloConstants.USER_ID + " is a Zalo user id, which zalo:send does not take)");
        }
        SendMessageRequest r = SendMessageRequest.builder()
                .phoneNo(phoneNo)
                .contactId(contactId)
                .oaId(effectiveOaId)
                .scriptId(scriptId)
                .templateParams(ParameterHeaders.read(m, ZaloConstants.TEMPLATE_PARAMS, ZaloConstants.TEMPLATE_PARAM))
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
