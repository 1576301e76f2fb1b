package io.github.camelzalo.component.zalo.model;

import static io.github.camelzalo.component.zalo.ZaloConstants.MESSAGE_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.PHONE_NO;

/**
 * Asks for the delivery status of a ZNS message ({@code zalo:znsStatus}).
 *
 * @param msgId   the {@code msgId} sendZns returned
 * @param phoneNo the recipient, in national form once built
 * @param oaId    the OA, or {@code null} for the endpoint's
 */
public record ZnsStatusRequest(String msgId, String phoneNo, String oaId) {

    public ZnsStatusRequest {
        msgId = OaChecks.token(MESSAGE_ID, msgId, 128);
        phoneNo = PhoneNumbers.toNational(phoneNo, PHONE_NO);
        oaId = oaId == null ? null : Checks.numericId(OA_ID, oaId);
    }

    public ZnsStatusRequest withDefaultOaId(String defaultOaId) {
        return oaId != null || defaultOaId == null ? this : new ZnsStatusRequest(msgId, phoneNo, defaultOaId);
    }

    @Override
    public String toString() {
        return "ZnsStatusRequest[msgId=" + msgId + ", phoneNo=" + PhoneNumbers.mask(phoneNo) + ", oaId=" + oaId + "]";
    }
}
