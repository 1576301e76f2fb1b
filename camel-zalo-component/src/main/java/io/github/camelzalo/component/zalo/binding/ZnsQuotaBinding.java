package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.ZnsQuota;
import io.github.camelzalo.component.zalo.model.ZnsQuotaRequest;
import org.apache.camel.Exchange;

/** {@code zalo:znsQuota}: the OA's ZNS quota today; sets {@code CamelZaloQuotaRemain}. */
public final class ZnsQuotaBinding implements OperationBinding<ZnsQuotaRequest, ZnsQuota> {

    @Override
    public ZnsQuotaRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        return new ZnsQuotaRequest(OaValues.requireOaId(OaValues.oaId(exchange.getMessage(), endpoint)));
    }

    @Override
    public void write(Exchange exchange, ZnsQuota result) {
        exchange.getMessage().setBody(result);
        exchange.getMessage().setHeader(ZaloConstants.QUOTA_REMAIN, result.getRemainingQuota());
    }
}
