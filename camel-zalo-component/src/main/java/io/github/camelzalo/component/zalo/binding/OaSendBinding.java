package io.github.camelzalo.component.zalo.binding;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.OaMessage;
import io.github.camelzalo.component.zalo.model.OaMessageRequest;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.OaMessageType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:send} on provider zalo. Recipient from {@code CamelZaloUserId}; the message from an
 * {@link OaMessageRequest} body (used as it is), an {@link OaMessage} body, a {@code Map} body in the shape of
 * {@link OaMessage#fromMap}, or else a text from {@code CamelZaloMessage} or the String body, quoting
 * {@code CamelZaloQuoteMessageId}. The type from {@code CamelZaloMessageType}, else the endpoint's
 * {@code messageType}.
 */
public final class OaSendBinding implements OperationBinding<OaMessageRequest, OaMessageResult> {

    @Override
    public OaMessageRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        Object body = m.getBody();
        String oaId = OaValues.oaId(m, endpoint);
        if (body instanceof OaMessageRequest request) {
            return OaValues.requireOaId(request.withDefaultOaId(oaId));
        }
        ExchangeValues.notAnotherOperationsRequest(body, OaMessageRequest.class, "send");
        OaMessage message;
        if (body instanceof OaMessage om) {
            message = om;
        } else if (body instanceof Map<?, ?> map) {
            message = OaMessage.fromMap(map);
        } else {
            String text = ExchangeValues.text(m, ZaloConstants.MESSAGE);
            if (text == null && body instanceof CharSequence cs) {
                text = cs.toString();
            }
            if (text == null) {
                throw new ZaloValidationException(ZaloConstants.MESSAGE, "is required: give the text as the header or"
                                                                         + " a String body, or an OaMessage body"
                                                                         + (body != null ? " (the body is a "
                                                                                 + body.getClass().getName() + ")"
                                                                                 : ""));
            }
            message = OaMessage.builder().text(text).quote(ExchangeValues.text(m, ZaloConstants.QUOTE_MESSAGE_ID))
                    .build();
        }
        return OaValues.requireOaId(OaMessageRequest.builder()
                .userId(ExchangeValues.id(m, ZaloConstants.USER_ID))
                .oaId(oaId)
                .messageType(messageType(m, endpoint))
                .message(message)
                .build());
    }

    static OaMessageType messageType(Message m, ZaloConfiguration endpoint) {
        String header = ExchangeValues.text(m, ZaloConstants.MESSAGE_TYPE);
        return header != null ? OaMessageType.of(header, ZaloConstants.MESSAGE_TYPE) : endpoint.getMessageType();
    }

    @Override
    public void write(Exchange exchange, OaMessageResult result) {
        OaMessageResults.write(exchange, result);
    }
}
