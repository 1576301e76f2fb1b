package io.github.camelzalo.component.zalo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.camelzalo.component.zalo.model.FollowersPage;
import io.github.camelzalo.component.zalo.model.OaMessage;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.UploadResult;
import io.github.camelzalo.component.zalo.model.UserProfile;
import io.github.camelzalo.component.zalo.model.ZnsDeliveryStatus;
import io.github.camelzalo.component.zalo.model.ZnsQuota;
import io.github.camelzalo.component.zalo.model.ZnsResult;
import io.github.camelzalo.component.zalo.model.ZnsTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each operation of provider zalo, as the official API sees it on the wire, and what the route gets back. */
class OfficialApiOperationsTest extends OfficialApiTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13 };

    @BeforeEach
    void token() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
    }

    private static String ok(String data) {
        return "{\"error\":0,\"message\":\"Success\",\"data\":" + data + "}";
    }

    @Test
    void uploadThenSendImageNeedsNothingBetween() throws Exception {
        stub(post(urlEqualTo("/openapi/v2.0/oa/upload/image")).withHeader("access_token", equalTo(ACCESS_1))
                .willReturn(json(200, ok("{\"attachment_id\":\"att-77\"}"))));
        stub(post(urlEqualTo(CS)).willReturn(json(200, ok("{\"message_id\":\"img-1\",\"user_id\":\"" + USER + "\"}"))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:photo").to("zalo:upload").to("zalo:sendImage?provider=zalo");
            }
        });

        Exchange out = call("direct:photo", PNG, Exchange.FILE_NAME, "giao-hang.png", ZaloConstants.USER_ID, USER,
                ZaloConstants.MESSAGE, "Ảnh giao hàng");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(OaMessageResult.class).getMessageId()).isEqualTo("img-1");
        LoggedRequest upload = wireMock.findAll(postRequestedFor(urlEqualTo("/openapi/v2.0/oa/upload/image"))).get(0);
        String contentType = upload.getHeader("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        assertThat(new String(upload.getBody(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"giao-hang.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n" + new String(PNG, StandardCharsets.ISO_8859_1) + "\r\n--"
                + boundary + "--\r\n");
        wireMock.verify(postRequestedFor(urlEqualTo(CS)).withRequestBody(equalToJson(
                "{\"recipient\":{\"user_id\":\"" + USER + "\"},\"message\":{\"text\":\"Ảnh giao hàng\","
                + "\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"media\","
                + "\"elements\":[{\"media_type\":\"image\",\"attachment_id\":\"att-77\"}]}}}}")));
    }

    @Test
    void aFileIsUploadedThenSentByItsToken() throws Exception {
        stub(post(urlEqualTo("/openapi/v2.0/oa/upload/file")).willReturn(json(200, ok("{\"token\":\"tok-9\"}"))));
        stub(post(urlEqualTo(CS)).willReturn(json(200, ok("{\"message_id\":\"f-1\"}"))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invoice").to("zalo:upload").to("zalo:sendFile");
            }
        });

        Exchange out = call("direct:invoice", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), Exchange.FILE_NAME,
                "hoa-don.pdf", Exchange.CONTENT_TYPE, "application/pdf", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(ZaloConstants.FILE_TOKEN)).isEqualTo("tok-9");
        wireMock.verify(postRequestedFor(urlEqualTo(CS)).withRequestBody(equalToJson(
                "{\"recipient\":{\"user_id\":\"" + USER + "\"},\"message\":{\"attachment\":{\"type\":\"file\","
                + "\"payload\":{\"token\":\"tok-9\"}}}}")));
    }

    @Test
    void anUploadResultIsAlsoTheBody() {
        stub(post(urlEqualTo("/openapi/v2.0/oa/upload/gif")).willReturn(json(200, ok("{\"attachment_id\":\"g-1\"}"))));

        Exchange out = call("zalo:upload", "GIF89a...".getBytes(StandardCharsets.US_ASCII));

        assertThat(out.getMessage().getBody(UploadResult.class).getAttachmentId()).isEqualTo("g-1");
        assertThat(out.getMessage().getHeader(ZaloConstants.ATTACHMENT_ID)).isEqualTo("g-1");
        assertThat(out.getMessage().getHeader(ZaloConstants.MEDIA_TYPE)).isEqualTo("gif");
    }

    @Test
    void aTemplateMessageFromAYamlMapGoesToItsEndpoint() {
        stub(post(urlEqualTo("/openapi/v3.0/oa/message/transaction"))
                .willReturn(json(200, ok("{\"message_id\":\"t-1\"}"))));

        Exchange out = call("zalo:send?provider=zalo", Map.of("template", Map.of("type", "transaction_order",
                "elements", List.of(Map.of("type", "header", "content", "Đơn hàng đã giao")))),
                ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo("/openapi/v3.0/oa/message/transaction")).withRequestBody(
                equalToJson("{\"recipient\":{\"user_id\":\"" + USER + "\"},\"message\":{\"attachment\":{\"type\":"
                            + "\"template\",\"payload\":{\"template_type\":\"transaction_order\",\"language\":\"VI\","
                            + "\"elements\":[{\"type\":\"header\",\"content\":\"Đơn hàng đã giao\","
                            + "\"align\":\"left\"}]}}}}")));
    }

    @Test
    void aReplyQuotesTheHeaderAndTheTypeComesFromTheHeaderOverTheEndpoint() {
        stub(post(urlEqualTo("/openapi/v3.0/oa/message/promotion")).willReturn(json(200, ok("{\"message_id\":\"p\"}"))));

        Exchange out = call("zalo:send?provider=zalo&messageType=transaction", "Giảm 20% hôm nay",
                ZaloConstants.USER_ID, USER, ZaloConstants.MESSAGE_TYPE, "promotion");

        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo("/openapi/v3.0/oa/message/promotion")));
    }

    @Test
    void theUserProfileIsReadWithItsJsonInTheQuery() {
        stub(getWithQuery("/openapi/v3.0/oa/user/detail", "\"user_id\":\"" + USER + "\"")
                .withHeader("access_token", equalTo(ACCESS_1))
                .willReturn(json(200, ok("{\"user_id\":\"" + USER + "\",\"display_name\":\"Nghĩa\","
                                         + "\"user_is_follower\":\"true\"}"))));

        Exchange out = call("zalo:userProfile", null, ZaloConstants.USER_ID, USER);

        UserProfile p = out.getMessage().getBody(UserProfile.class);
        assertThat(p.getDisplayName()).isEqualTo("Nghĩa");
        assertThat(p.isFollower()).isTrue();
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/openapi/v3.0/oa/user/detail"))).get(0).getBody())
                .isEmpty();
    }

    @Test
    void everyPageOfFollowersIsReadUpToTheBound() {
        stub(getWithQuery("/openapi/v3.0/oa/user/getlist", "\"offset\":0,").willReturn(json(200, ok(
                "{\"total\":5,\"count\":2,\"offset\":0,\"users\":[{\"user_id\":\"1\"},{\"user_id\":\"2\"}]}"))));
        stub(getWithQuery("/openapi/v3.0/oa/user/getlist", "\"offset\":2,").willReturn(json(200, ok(
                "{\"total\":5,\"count\":2,\"offset\":2,\"users\":[{\"user_id\":\"3\"},{\"user_id\":\"4\"}]}"))));
        stub(getWithQuery("/openapi/v3.0/oa/user/getlist", "\"offset\":4,").willReturn(json(200, ok(
                "{\"total\":5,\"count\":1,\"offset\":4,\"users\":[{\"user_id\":\"5\"}]}"))));

        Exchange out = call("zalo:followers?allPages=true&followersOnly=true&maxResults=100", null,
                ZaloConstants.COUNT, 2);

        FollowersPage page = out.getMessage().getBody(FollowersPage.class);
        assertThat(page.getUserIds()).containsExactly("1", "2", "3", "4", "5");
        assertThat(page.isComplete()).isTrue();
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/openapi/v3.0/oa/user/getlist")))).hasSize(3)
                .allSatisfy(r -> assertThat(r.queryParameter("data").firstValue()).contains("\"is_follower\":\"true\""));
    }

    @Test
    void aZnsGoesToTheBusinessHostTrackedByTheExchange() {
        stub(post(urlEqualTo("/business/message/template")).withHeader("access_token", equalTo(ACCESS_1))
                .willReturn(json(200, ok("{\"msg_id\":\"z-1\",\"sent_time\":\"1626926349402\","
                                         + "\"quota\":{\"dailyQuota\":\"500\",\"remainingQuota\":\"499\"}}"))));

        Exchange out = template.request("zalo:sendZns?development=true", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "+84 98 123 4980");
            e.getMessage().setHeader(ZaloConstants.TEMPLATE_ID, "2001");
            e.getMessage().setHeader(ZaloConstants.TEMPLATE_DATA, "{\"customer\":\"Nghĩa\",\"amount\":250000}");
        });

        assertThat(out.getException()).isNull();
        ZnsResult result = out.getMessage().getBody(ZnsResult.class);
        assertThat(result.getMsgId()).isEqualTo("z-1");
        assertThat(out.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("z-1");
        assertThat(out.getMessage().getHeader(ZaloConstants.QUOTA_REMAIN)).isEqualTo(499L);
        assertThat(out.getMessage().getHeader(ZaloConstants.TRACKING_ID)).isEqualTo(out.getExchangeId());
        wireMock.verify(postRequestedFor(urlEqualTo("/business/message/template")).withRequestBody(equalToJson(
                "{\"phone\":\"84981234980\",\"template_id\":\"2001\",\"template_data\":{\"customer\":\"Nghĩa\","
                + "\"amount\":\"250000\"},\"tracking_id\":\"" + out.getExchangeId() + "\",\"mode\":\"development\"}")));
    }

    @Test
    void znsReads() {
        stub(get(urlEqualTo("/business/message/status?message_id=z-1&phone=84981234980"))
                .willReturn(json(200, ok("{\"delivery_time\":\"1626926350000\",\"status\":1,\"message\":\"OK\"}"))));
        stub(get(urlEqualTo("/business/message/quota"))
                .willReturn(json(200, ok("{\"dailyQuota\":500,\"remainingQuota\":\"321\"}"))));
        stub(get(urlEqualTo("/business/template/info?template_id=2001"))
                .willReturn(json(200, ok("{\"templateId\":2001,\"status\":\"ENABLE\",\"listParams\":"
                                         + "[{\"name\":\"customer\",\"require\":true}]}"))));

        ZnsDeliveryStatus status = call("zalo:znsStatus", null, ZaloConstants.MESSAGE_ID, "z-1",
                ZaloConstants.PHONE_NO, "0981234980").getMessage().getBody(ZnsDeliveryStatus.class);
        assertThat(status.getStatus()).isEqualTo("1");
        assertThat(status.getDeliveryTime()).hasToString("2021-07-22T03:59:10Z");
        Exchange quota = call("zalo:znsQuota", null);
        assertThat(quota.getMessage().getBody(ZnsQuota.class).getRemainingQuota()).isEqualTo(321L);
        assertThat(quota.getMessage().getHeader(ZaloConstants.QUOTA_REMAIN)).isEqualTo(321L);
        ZnsTemplate template = call("zalo:znsTemplate", null, ZaloConstants.TEMPLATE_ID, 2001).getMessage()
                .getBody(ZnsTemplate.class);
        assertThat(template.getListParams()).extracting(ZnsTemplate.Param::getName).containsExactly("customer");
    }

    @Test
    void zalosRefusalsAreFailuresOfTheirKindWithTheCodeAndMessageVerbatim() {
        stub(post(urlEqualTo(CS)).willReturn(json(200, "{\"error\":-230,\"message\":\"User has not interacted"
                                                       + " with the OA in the past 7 days\"}")));

        Exchange out = call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.OUTSIDE_WINDOW);
            assertThat(e.getProvider()).isEqualTo("zalo");
            assertThat(e.getOperation()).isEqualTo("send");
            assertThat(e.getHttpStatus()).isEqualTo(200);
            assertThat(e.getErrorCode()).isEqualTo("-230");
            assertThat(e.getErrorMessage()).isEqualTo("User has not interacted with the OA in the past 7 days");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.mayHaveBeenProcessed()).isFalse();
        });
        assertThat(out.getMessage().getHeader(ZaloConstants.PROVIDER)).isEqualTo("zalo");
    }

    @Test
    void badInputSendsNothingNotEvenForAToken() {
        List<Object[]> cases = List.of(
                new Object[] { "zalo:send?provider=zalo", "x".repeat(2001), new Object[] { ZaloConstants.USER_ID,
                    USER } },
                new Object[] { "zalo:send?provider=zalo", "hi", new Object[] {} },
                new Object[] { "zalo:sendImage?provider=zalo", null, new Object[] { ZaloConstants.USER_ID, USER } },
                new Object[] { "zalo:sendFile", null, new Object[] { ZaloConstants.USER_ID, USER } },
                new Object[] { "zalo:upload", "text, not bytes", new Object[] {} },
                new Object[] { "zalo:upload", new byte[2 * 1024 * 1024], new Object[] { ZaloConstants.UPLOAD_TYPE,
                    "image" } },
                new Object[] { "zalo:sendZns", null, new Object[] { ZaloConstants.PHONE_NO, "0501234567",
                    ZaloConstants.TEMPLATE_ID, "1", ZaloConstants.TEMPLATE_DATA, Map.of() } },
                new Object[] { "zalo:sendZns", null, new Object[] { ZaloConstants.PHONE_NO, "0981234980",
                    ZaloConstants.TEMPLATE_ID, "1", ZaloConstants.TEMPLATE_DATA, "{not json" } },
                new Object[] { "zalo:followers", null, new Object[] { ZaloConstants.COUNT, 51 } });
        for (Object[] c : cases) {
            Exchange out = call((String) c[0], c[1], (Object[]) c[2]);
            assertThat(out.getException()).as((String) c[0]).isInstanceOf(ZaloValidationException.class);
        }
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void appSecretProofIsTheHmacOfTheTokenWithTheAppSecret() throws Exception {
        context.getComponent("zalo", ZaloComponent.class).getZalo().setAppSecretProof(true);
        csAnswer(ACCESS_1, "m");
        call("zalo:send?provider=zalo", "x", ZaloConstants.USER_ID, USER);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(ACCESS_1.getBytes(StandardCharsets.UTF_8)));
        wireMock.verify(postRequestedFor(urlEqualTo(CS)).withHeader("appsecret_proof", equalTo(expected)));
    }

    @Test
    void anOaMessageBodyIsSentAsItIs() {
        csAnswer(ACCESS_1, "m-b");
        Exchange out = call("zalo:send?provider=zalo", OaMessage.builder().text("Chọn")
                .button(io.github.camelzalo.component.zalo.model.OaButton.queryShow("Gọi lại", "#cb")).build(),
                ZaloConstants.USER_ID, USER);
        assertThat(out.getException()).isNull();
        wireMock.verify(postRequestedFor(urlEqualTo(CS)).withRequestBody(equalToJson(
                "{\"recipient\":{\"user_id\":\"" + USER + "\"},\"message\":{\"text\":\"Chọn\",\"attachment\":"
                + "{\"type\":\"template\",\"payload\":{\"buttons\":[{\"title\":\"Gọi lại\",\"type\":"
                + "\"oa.query.show\",\"payload\":\"#cb\"}]}}}}")));
    }
}
