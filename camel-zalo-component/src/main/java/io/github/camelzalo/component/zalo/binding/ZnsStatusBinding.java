package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.ZnsDeliveryStatus;
import io.github.camelzalo.component.zalo.model.ZnsStatusRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code zalo:znsStatus}: the message {@code CamelZaloMessageId} (as sendZns sets it) to {@code CamelZaloPhoneNo}. */
public final class ZnsStatusBinding implements OperationBinding<ZnsStatusRequest, ZnsDeliveryStatus> {

    @Override
    public ZnsStatusRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        String oaId = OaValues.oaId(m, endpoint);
        if (m.getBody() instanceof ZnsStatusRequest request) {
            ZnsStatusRequest r = request.withDefaultOaId(oaId);
            OaValues.requireOaId(r.oaId());
            return r;
        }
        return new ZnsStatusRequest(ExchangeValues.text(m, ZaloConstants.MESSAGE_ID),
                ExchangeValues.text(m, ZaloConstants.PHONE_NO), OaValues.requireOaId(oaId));
    }

    @Override
    public void write(Exchange exchange, ZnsDeliveryStatus result) {
        exchange.getMessage().setBody(result);
    }
}
