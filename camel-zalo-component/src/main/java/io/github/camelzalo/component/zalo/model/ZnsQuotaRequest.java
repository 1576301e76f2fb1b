package io.github.camelzalo.component.zalo.model;

import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;

/**
 * Asks for the OA's ZNS quota today ({@code zalo:znsQuota}).
 *
 * @param oaId the OA, or {@code null} for the endpoint's
 */
public record ZnsQuotaRequest(String oaId) {

    public ZnsQuotaRequest {
        oaId = oaId == null ? null : Checks.numericId(OA_ID, oaId);
    }

    public ZnsQuotaRequest withDefaultOaId(String defaultOaId) {
        return oaId != null || defaultOaId == null ? this : new ZnsQuotaRequest(defaultOaId);
    }
}
