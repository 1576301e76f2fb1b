package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.ZnsTemplateRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:znsTemplate}: template {@code CamelZaloTemplateId} as a {@code ZnsTemplate} with its parameters, or,
 * without it, a {@code List<ZnsTemplate>} from {@code CamelZaloOffset} (0) of {@code CamelZaloCount} (100).
 */
public final class ZnsTemplateBinding implements OperationBinding<ZnsTemplateRequest, Object> {

    @Override
    public ZnsTemplateRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        String oaId = OaValues.oaId(m, endpoint);
        if (m.getBody() instanceof ZnsTemplateRequest request) {
            ZnsTemplateRequest r = request.withDefaultOaId(oaId);
            OaValues.requireOaId(r.oaId());
            return r;
        }
        return new ZnsTemplateRequest(ExchangeValues.id(m, ZaloConstants.TEMPLATE_ID),
                OaValues.integer(m, ZaloConstants.OFFSET, 0),
                OaValues.integer(m, ZaloConstants.COUNT, ZnsTemplateRequest.MAX_LIMIT), null,
                OaValues.requireOaId(oaId));
    }

    @Override
    public void write(Exchange exchange, Object result) {
        exchange.getMessage().setBody(result);
    }
}
