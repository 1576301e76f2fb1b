package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.OaMessage;
import io.github.camelzalo.component.zalo.model.OaMessageRequest;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:sendFile}: recipient from {@code CamelZaloUserId}, the file by {@code CamelZaloFileToken}, which
 * {@code zalo:upload} sets. An {@link OaMessageRequest} body is used as it is.
 */
public final class OaSendFileBinding implements OperationBinding<OaMessageRequest, OaMessageResult> {

    @Override
    public OaMessageRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        String oaId = OaValues.oaId(m, endpoint);
        if (m.getBody() instanceof OaMessageRequest request) {
            return OaValues.requireOaId(request.withDefaultOaId(oaId));
        }
        String token = ExchangeValues.text(m, ZaloConstants.FILE_TOKEN);
        if (token == null) {
            throw new ZaloValidationException(ZaloConstants.FILE_TOKEN, "is required: upload the file with"
                                                                        + " zalo:upload first, which sets it");
        }
        return OaValues.requireOaId(OaMessageRequest.builder()
                .userId(ExchangeValues.id(m, ZaloConstants.USER_ID))
                .oaId(oaId)
                .message(OaMessage.file(token))
                .build());
    }

    @Override
    public void write(Exchange exchange, OaMessageResult result) {
        OaMessageResults.write(exchange, result);
    }
}
