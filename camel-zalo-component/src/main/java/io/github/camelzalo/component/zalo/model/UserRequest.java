package io.github.camelzalo.component.zalo.model;

import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.USER_ID;

/**
 * One Zalo user of an OA, for {@code zalo:userProfile}.
 *
 * @param userId the user's id at the OA
 * @param oaId   the OA, or {@code null} for the endpoint's
 */
public record UserRequest(String userId, String oaId) {

    public UserRequest {
        userId = Checks.numericId(USER_ID, userId);
        oaId = oaId == null ? null : Checks.numericId(OA_ID, oaId);
    }

    public UserRequest withDefaultOaId(String defaultOaId) {
        return oaId != null || defaultOaId == null ? this : new UserRequest(userId, defaultOaId);
    }
}
