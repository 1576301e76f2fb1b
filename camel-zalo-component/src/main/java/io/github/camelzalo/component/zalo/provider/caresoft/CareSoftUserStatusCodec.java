package io.github.camelzalo.component.zalo.provider.caresoft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.model.UserStatus;
import io.github.camelzalo.component.zalo.model.UserStatusRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.UserStatusAnswer;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.UserStatusBody;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.UserStatusData;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code POST {domain}/api/v1/zalo/user-status}. */
final class CareSoftUserStatusCodec implements OperationCodec<UserStatusRequest, UserStatus> {

    private static final ObjectReader ANSWER = ProviderJson.MAPPER.readerFor(UserStatusAnswer.class);

    @Override
    public String path() {
        return "/api/v1/zalo/user-status";
    }

    /**
     * The body is a national phone number and an optional OA id, validated digit strings that need no escaping:
     * they are written straight into the JSON, since Jackson's generator costs some twenty times more for these 50
     * bytes and this is the call a campaign makes for every customer (see docs/benchmark.md). Anything that would
     * need escaping goes through Jackson; a test pins that both write the same bytes.
     */
    @Override
    public byte[] encode(UserStatusRequest request) {
        String phone = request.getPhoneNo();
        String oaId = request.getOaId();
        if (ProviderJson.isPlainAscii(phone) && (oaId == null || ProviderJson.isPlainAscii(oaId))) {
            String json = oaId == null ? "{\"phone_no\":\"" + phone + "\"}"
                    : "{\"phone_no\":\"" + phone + "\",\"oa_id\":\"" + oaId + "\"}";
            return json.getBytes(StandardCharsets.US_ASCII);
        }
        return ProviderJson.write(new UserStatusBody(phone, oaId));
    }


    @Override
    public UserStatus decode(HttpReply reply) {
        UserStatusData d = plainSuccess(reply);
        if (d == null) {
            // an error answer or an odd shape: the general way, which says precisely what is wrong
            JsonNode data = CareSoftAnswers.success(reply).get("data");
            if (data == null || !data.isObject()) {
                throw new ProviderFailure(ZaloErrorKind.BAD_RESPONSE, reply.status(), "ok",
                        "The answer has no \"data\" object", null);
            }
            d = ProviderJson.convert(data, UserStatusData.class, reply);
        }
        return toUserStatus(d);
    }

    /**
     * The data of an HTTP 2xx answer with code {@code ok}, read straight into types in one pass (no JSON tree),
     * or {@code null} for any other answer. This is the common case, and the one the benchmark measures.
     */
    private static UserStatusData plainSuccess(HttpReply reply) {
        if (!reply.isSuccess() || reply.body().length == 0) {
            return null;
        }
        try {
            UserStatusAnswer answer = ANSWER.readValue(reply.body());
            return answer != null && "ok".equals(answer.code()) ? answer.data() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static UserStatus toUserStatus(UserStatusData d) {
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
