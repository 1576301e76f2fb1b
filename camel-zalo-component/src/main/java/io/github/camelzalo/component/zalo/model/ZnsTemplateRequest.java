package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;

/**
 * Which ZNS templates {@code zalo:znsTemplate} describes: one by id, with its parameters, or a page of the list
 * ({@code offset}, {@code limit} up to 100), optionally by status ({@code 1} enabled, {@code 2} pending review,
 * {@code 3} rejected, {@code 4} disabled, as Zalo numbers them).
 *
 * @param templateId the template, or {@code null} for the list
 * @param offset     the list's first template, from 0
 * @param limit      how many the list gives, 1 to 100
 * @param status     the list's status filter, or {@code null}
 * @param oaId       the OA, or {@code null} for the endpoint's
 */
public record ZnsTemplateRequest(String templateId, int offset, int limit, Integer status, String oaId) {

    public static final int MAX_LIMIT = 100;

    public ZnsTemplateRequest {
        templateId = templateId == null ? null : ZnsRequest.templateId(templateId);
        if (offset < 0) {
            throw new ZaloValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ZaloValidationException("limit", "must be 1 to " + MAX_LIMIT);
        }
        if (status != null && (status < 1 || status > 4)) {
            throw new ZaloValidationException("status", "must be 1 to 4");
        }
        oaId = oaId == null ? null : Checks.numericId(OA_ID, oaId);
    }

    public ZnsTemplateRequest withDefaultOaId(String defaultOaId) {
        return oaId != null || defaultOaId == null ? this
                : new ZnsTemplateRequest(templateId, offset, limit, status, defaultOaId);
    }
}
