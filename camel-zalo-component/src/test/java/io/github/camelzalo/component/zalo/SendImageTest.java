package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.model.SendImageRequest;
import io.github.camelzalo.component.zalo.model.SendImageResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SendImageTest extends ZaloTestSupport {

    static final String CREATED = """
            {"direction":"out","msg_id":"a5f3c2e1b0","oa_id":"1600190000752846",
             "quota":{"expired_date":"2026-12-31","owner_id":"1600190000752846","owner_type":"OA",
                      "quota_type":"reply","remain":"7","total":"8"},
             "recipient_id":"8941234567136201","sender_id":"1600190000752846","shop_id":"1122334455",
             "type":"photo","user_id":"990011","wl_partner_id":"5","zl_user_id":"8941234567136201",
             "created_at":"2026-11-21T10:00:00Z"}""";

    @Test
    void sendsTheDocumentedRequestByUrlAndReadsEveryField() {
        stub(ETELECOM_SEND_IMAGE, json(200, CREATED));

        Exchange out = call("zalo:sendImage", null, ZaloConstants.USER_ID, "8941234567136201",
                ZaloConstants.IMAGE_URL, "https://cdn.example.vn/khuyen-mai.png");

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(ETELECOM_SEND_IMAGE))
                .withHeader("Authorization", equalTo("Bearer " + ETELECOM_KEY))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"message":{"image_url":"https://cdn.example.vn/khuyen-mai.png"},"oa_id":"%s",
                         "recipient":{"user_id":"8941234567136201"}}""".formatted(OA_ID))));
        SendImageResult r = out.getMessage().getBody(SendImageResult.class);
        assertThat(r.getMsgId()).isEqualTo("a5f3c2e1b0");
        assertThat(r.getDirection()).isEqualTo("out");
        assertThat(r.getType()).isEqualTo("photo");
        assertThat(r.getOaId()).isEqualTo("1600190000752846");
        assertThat(r.getRecipientId()).isEqualTo("8941234567136201");
        assertThat(r.getSenderId()).isEqualTo("1600190000752846");
        assertThat(r.getShopId()).isEqualTo("1122334455");
        assertThat(r.getUserId()).isEqualTo("990011");
        assertThat(r.getZlUserId()).isEqualTo("8941234567136201");
        assertThat(r.getWlPartnerId()).isEqualTo("5");
        assertThat(r.getQuota().getQuotaType()).isEqualTo("reply");
        assertThat(r.getQuota().getRemain()).isEqualTo(7L);
        assertThat(r.getQuota().getTotal()).isEqualTo(8L);
        assertThat(r.getQuota().getExpiredDate()).isEqualTo("2026-12-31");
        assertThat(r.getQuota().getOwnerId()).isEqualTo("1600190000752846");
        assertThat(r.getQuota().getOwnerType()).isEqualTo("OA");
        assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("a5f3c2e1b0");
        assertThat(out.getMessage().getHeader(ZaloConstants.QUOTA_TYPE)).isEqualTo("reply");
        assertThat(out.getMessage().getHeader(ZaloConstants.QUOTA_REMAIN)).isEqualTo(7L);
        assertThat(out.getMessage().getHeader(ZaloConstants.PROVIDER)).isEqualTo("etelecom");
    }

    @Test
    void sendsByAttachmentIdWithImageUrlLeftOut() {
        stub(ETELECOM_SEND_IMAGE, json(200, CREATED));

        Exchange out = call("zalo:sendImage", null, ZaloConstants.USER_ID, "8941234567136201",
                ZaloConstants.ATTACHMENT_ID, "bXlBdHRhY2htZW50SWQ", ZaloConstants.OA_ID, "777");

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(ETELECOM_SEND_IMAGE)).withRequestBody(equalToJson("""
                {"message":{"attachment_id":"bXlBdHRhY2htZW50SWQ"},"oa_id":"777",
                 "recipient":{"user_id":"8941234567136201"}}""")));
    }

    @Test
    void quotaNumbersAreParsedLeniently() {
        stub(ETELECOM_SEND_IMAGE, json(200, """
                {"msg_id":"m1","quota":{"quota_type":"sub_quota","remain":" 1999 ","total":""}}"""));

        SendImageResult r = call("zalo:sendImage", SendImageRequest.builder().userId("42")
                .imageUrl("http://img.example.vn/a.jpg").build()).getMessage().getBody(SendImageResult.class);

        assertThat(r.getQuota().getRemain()).isEqualTo(1999L);
        assertThat(r.getQuota().getTotal()).isNull();
        assertThat(r.getDirection()).isNull();
    }

    @Test
    void aPartnerBaseUrlIsUsedAsGiven() {
        stub("/v1/partner.Zalo/OASendImage", json(200, CREATED));

        Exchange out = call("zalo:sendImage?baseUrl=" + baseUrl() + "/v1/partner/", null,
                ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL, "https://img.example.vn/a.png");

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/partner.Zalo/OASendImage")));
    }
}
