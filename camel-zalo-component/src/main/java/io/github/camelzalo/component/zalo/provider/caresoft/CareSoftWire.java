package io.github.camelzalo.component.zalo.provider.caresoft;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.github.camelzalo.component.zalo.provider.ProviderJson.LenientBoolean;
import io.github.camelzalo.component.zalo.provider.ProviderJson.LenientLong;

/** CareSoft's JSON, field for field as its API document writes it. Fields that are not used are left out. */
final class CareSoftWire {

    private CareSoftWire() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserStatusBody(@JsonProperty("phone_no") String phoneNo, @JsonProperty("oa_id") String oaId) {
    }

    record SendMessageBody(@JsonProperty("zalo") SendMessageZalo zalo) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendMessageZalo(
            @JsonProperty("phone_no") String phoneNo,
            @JsonProperty("user_id") String userId,
            @JsonProperty("oa_id") String oaId,
            @JsonProperty("script_id") Long scriptId,
            @JsonProperty("template_params") Map<String, Object> templateParams,
            @JsonProperty("message") String message) {
    }

    /** A user-status answer in one pass: the codec's fast way for a plain success; error answers go another way. */
    record UserStatusAnswer(@JsonProperty("code") String code, @JsonProperty("data") UserStatusData data) {
    }

    record UserStatusData(
            @JsonProperty("user_id") String userId,
            @JsonProperty("username") String username,
            @JsonProperty("zalo_psid") String zaloPsid,
            @JsonProperty("following_status") @JsonDeserialize(using = LenientBoolean.class) Boolean followingStatus,
            @JsonProperty("last_user_activity_time") String lastUserActivityTime,
            @JsonProperty("can_send_consultation_message") @JsonDeserialize(using = LenientBoolean.class) Boolean canSendConsultationMessage,
            @JsonProperty("consultation_message_expired_time") String consultationMessageExpiredTime,
            @JsonProperty("consultation_message_free_remain") @JsonDeserialize(using = LenientLong.class) Long consultationMessageFreeRemain,
            @JsonProperty("can_send_transaction_message") @JsonDeserialize(using = LenientBoolean.class) Boolean canSendTransactionMessage,
            @JsonProperty("can_send_promotion_message") @JsonDeserialize(using = LenientBoolean.class) Boolean canSendPromotionMessage,
            @JsonProperty("can_call_zcc_by_phone") @JsonDeserialize(using = LenientBoolean.class) Boolean canCallZccByPhone,
            @JsonProperty("can_call_zcc_by_zalo_id") @JsonDeserialize(using = LenientBoolean.class) Boolean canCallZccByZaloId,
            @JsonProperty("can_send_zns") @JsonDeserialize(using = LenientBoolean.class) Boolean canSendZns) {
    }
}
