package io.github.camelzalo.component.zalo.provider.etelecom;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.github.camelzalo.component.zalo.provider.ProviderJson.LenientLong;

/** eTelecom's JSON for {@code shop.Zalo/OASendImage}, field for field. Fields that are not used are left out. */
final class ETelecomWire {

    private ETelecomWire() {
    }

    record SendImageBody(@JsonProperty("message") ImageMessage message, @JsonProperty("oa_id") String oaId,
            @JsonProperty("recipient") Recipient recipient) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageMessage(@JsonProperty("attachment_id") String attachmentId,
            @JsonProperty("image_url") String imageUrl) {
    }

    record Recipient(@JsonProperty("user_id") String userId) {
    }

    record Message(
            @JsonProperty("direction") String direction,
            @JsonProperty("msg_id") String msgId,
            @JsonProperty("oa_id") String oaId,
            @JsonProperty("quota") QuotaData quota,
            @JsonProperty("recipient_id") String recipientId,
            @JsonProperty("sender_id") String senderId,
            @JsonProperty("shop_id") String shopId,
            @JsonProperty("type") String type,
            @JsonProperty("user_id") String userId,
            @JsonProperty("wl_partner_id") String wlPartnerId,
            @JsonProperty("zl_user_id") String zlUserId) {
    }

    record QuotaData(
            @JsonProperty("expired_date") String expiredDate,
            @JsonProperty("owner_id") String ownerId,
            @JsonProperty("owner_type") String ownerType,
            @JsonProperty("quota_type") String quotaType,
            @JsonProperty("remain") @JsonDeserialize(using = LenientLong.class) Long remain,
            @JsonProperty("total") @JsonDeserialize(using = LenientLong.class) Long total) {
    }
}
