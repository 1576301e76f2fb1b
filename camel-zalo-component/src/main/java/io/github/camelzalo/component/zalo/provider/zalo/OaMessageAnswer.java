package io.github.camelzalo.component.zalo.provider.zalo;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;

import io.github.camelzalo.component.zalo.model.Quota;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * A message send's success, {@code {"error":0,…,"data":{"message_id":…,"user_id":…,"quota":{…}}}}, read straight into
 * types in one pass: the answer of nearly every send, where a JSON tree cost a tenth of the call's CPU. Anything
 * else (another code, a quoted code, a field of an unexpected type or given twice, no data) is left to the general
 * reading of {@link ZaloAnswers}, which also says precisely what is wrong; ZaloCodecsTest checks that both read the
 * same.
 */
record OaMessageAnswer(Object error, Data data) {

    private static final ObjectReader READER = ProviderJson.MAPPER.readerFor(OaMessageAnswer.class);

    record Data(@JsonProperty("message_id") String messageId, @JsonProperty("user_id") String userId,
                QuotaWire quota) {
    }

    record QuotaWire(@JsonProperty("quota_type") String quotaType, Long remain, Long total,
                     @JsonProperty("expired_date") String expiredDate, @JsonProperty("owner_id") String ownerId,
                     @JsonProperty("owner_type") String ownerType) {

        Quota toQuota() {
            Quota q = new Quota();
            q.setQuotaType(quotaType);
            q.setRemain(remain);
            q.setTotal(total);
            q.setExpiredDate(expiredDate);
            q.setOwnerId(ownerId);
            q.setOwnerType(ownerType);
            return q;
        }
    }

    /** The data of an HTTP 2xx answer whose {@code error} is the number 0, or {@code null} for any other answer. */
    static Data plainSuccess(HttpReply reply) {
        if (!reply.isSuccess() || reply.body().length == 0) {
            return null;
        }
        try {
            OaMessageAnswer answer = READER.readValue(reply.body());
            // a number token only: a quoted or fractional code goes the general way, which reads it as Zalo's SDKs do
            return answer != null && answer.error() instanceof Integer code && code == 0 ? answer.data() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
