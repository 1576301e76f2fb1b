package io.github.camelzalo.component.zalo.provider.caresoft;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.model.UserStatus;
import io.github.camelzalo.component.zalo.model.UserStatusRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.UserStatusBody;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.UserStatusData;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code POST {domain}/api/v1/zalo/user-status}. */
final class CareSoftUserStatusCodec implements OperationCodec<UserStatusRequest, UserStatus> {

    @Override
    public String path() {
        return "/api/v1/zalo/user-status";
    }

    @Override
    public byte[] encode(UserStatusRequest request) {
        return ProviderJson.write(new UserStatusBody(request.getPhoneNo(), request.getOaId()));
    }

    @Override
    public UserStatus decode(HttpReply reply) {
        JsonNode data = CareSoftAnswers.success(reply).get("data");
        if (data == null || !data.isObject()) {
            throw new ProviderFailure(ZaloErrorKind.BAD_RESPONSE, reply.status(), "ok",
                    "The answer has no \"data\" object", null);
        }
        UserStatusData d = ProviderJson.convert(data, UserStatusData.class, reply);
        UserStatus s = new UserStatus();
        s.setUserId(d.userId());
        s.setUsername(d.username());
        s.setZaloPsid(d.zaloPsid());
        s.setFollowing(d.followingStatus());
        s.setLastUserActivityTime(ProviderJson.time(d.lastUserActivityTime()));
        s.setCanSendConsultationMessage(d.canSendConsultationMessage());
        s.setConsultationMessageExpiredTime(ProviderJson.time(d.consultationMessageExpiredTime()));
        Long free = d.consultationMessageFreeRemain();
        s.setConsultationMessageFreeRemain(free == null ? null : (int) Math.max(0, Math.min(free, Integer.MAX_VALUE)));
        s.setCanSendTransactionMessage(d.canSendTransactionMessage());
        s.setCanSendPromotionMessage(d.canSendPromotionMessage());
        s.setCanCallZccByPhone(d.canCallZccByPhone());
        s.setCanCallZccByZaloId(d.canCallZccByZaloId());
        s.setCanSendZns(d.canSendZns());
        return s;
    }
}
