package io.github.camelzalo.component.zalo.provider.zalo;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.model.ZnsQuota;
import io.github.camelzalo.component.zalo.model.ZnsQuotaRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code GET {businessBaseUrl}/message/quota}. */
final class ZnsQuotaCodec implements OperationCodec<ZnsQuotaRequest, ZnsQuota> {

    static final String PATH = "/message/quota";

    @Override
    public String oaId(ZnsQuotaRequest r) {
        return r.oaId();
    }

    @Override
    public WireRequest request(ZnsQuotaRequest r) {
        return WireRequest.get(WireRequest.Api.BUSINESS, PATH);
    }

    @Override
    public ZnsQuota decode(HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.ZNS);
        ZnsQuota q = new ZnsQuota();
        q.setDailyQuota(ZaloJson.number(data, "dailyQuota"));
        q.setRemainingQuota(ZaloJson.number(data, "remainingQuota"));
        return q;
    }
}
