package io.github.camelzalo.component.zalo.provider.zalo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.model.FollowersPage;
import io.github.camelzalo.component.zalo.model.FollowersRequest;
import io.github.camelzalo.component.zalo.model.OaButton;
import io.github.camelzalo.component.zalo.model.OaElement;
import io.github.camelzalo.component.zalo.model.OaMessage;
import io.github.camelzalo.component.zalo.model.OaMessageRequest;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.OaMessageType;
import io.github.camelzalo.component.zalo.model.UploadRequest;
import io.github.camelzalo.component.zalo.model.UploadResult;
import io.github.camelzalo.component.zalo.model.UploadType;
import io.github.camelzalo.component.zalo.model.UserProfile;
import io.github.camelzalo.component.zalo.model.UserRequest;
import io.github.camelzalo.component.zalo.model.ZnsRequest;
import io.github.camelzalo.component.zalo.model.ZnsResult;
import io.github.camelzalo.component.zalo.model.ZnsTemplate;
import io.github.camelzalo.component.zalo.model.ZnsTemplateRequest;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each operation's request as the official API takes it, and its answers read back. */
class ZaloCodecsTest {

    private static final String USER = "8941234567136201";

    private static JsonNode json(WireRequest r) throws Exception {
        return ProviderJson.MAPPER.readTree(r.body());
    }

    private static JsonNode json(String text) throws Exception {
        return ProviderJson.MAPPER.readTree(text);
    }

    private static HttpReply ok(String body) {
        return new HttpReply(200, Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static WireRequest send(OaMessage message) {
        return new ZaloMessageCodec().request(OaMessageRequest.builder().userId(USER).message(message).build());
    }

    @Test
    void aTextGoesToTheConsultationEndpoint() throws Exception {
        WireRequest r = send(OaMessage.text("Đơn hàng \"1001\" đã giao"));
        assertThat(r.api()).isEqualTo(WireRequest.Api.OPEN_API);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/v3.0/oa/message/cs");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(json(r)).isEqualTo(json("{\"recipient\":{\"user_id\":\"" + USER + "\"},"
                                           + "\"message\":{\"text\":\"Đơn hàng \\\"1001\\\" đã giao\"}}"));
    }

    @Test
    void aReplyQuotesTheMessage() throws Exception {
        WireRequest r = send(OaMessage.builder().text("Dạ vâng").quote("msg-77").build());
        assertThat(json(r).get("message")).isEqualTo(json("{\"text\":\"Dạ vâng\",\"quote_message_id\":\"msg-77\"}"));
    }

    @Test
    void anImageByUrlWithCaptionAndAGifByAttachment() throws Exception {
        assertThat(json(send(OaMessage.image("https://shop.example/a.png", "Ảnh đơn hàng"))).get("message"))
                .isEqualTo(json("{\"text\":\"Ảnh đơn hàng\",\"attachment\":{\"type\":\"template\",\"payload\":"
                                + "{\"template_type\":\"media\",\"elements\":[{\"media_type\":\"image\","
                                + "\"url\":\"https://shop.example/a.png\"}]}}}"));
        assertThat(json(send(OaMessage.builder().gif("att-1").build())).get("message"))
                .isEqualTo(json("{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"media\","
                                + "\"elements\":[{\"media_type\":\"gif\",\"attachment_id\":\"att-1\"}]}}}"));
    }

    @Test
    void aFileByItsToken() throws Exception {
        assertThat(json(send(OaMessage.file("tok-9"))).get("message"))
                .isEqualTo(json("{\"attachment\":{\"type\":\"file\",\"payload\":{\"token\":\"tok-9\"}}}"));
    }

    @Test
    void buttonsOfEveryKind() throws Exception {
        OaMessage m = OaMessage.builder().text("Chọn")
                .button(OaButton.openUrl("Xem", "https://shop.example/o/1"))
                .button(OaButton.queryShow("Gọi lại", "#callback"))
                .button(OaButton.queryHide("Ẩn", "#hidden"))
                .button(OaButton.openPhone("Gọi", "098 123 4980"))
                .button(OaButton.openSms("Nhắn", "0981234980", "Tôi cần hỗ trợ"))
                .build();
        assertThat(json(send(m)).get("message")).isEqualTo(json(
                "{\"text\":\"Chọn\",\"attachment\":{\"type\":\"template\",\"payload\":{\"buttons\":["
                + "{\"title\":\"Xem\",\"type\":\"oa.open.url\",\"payload\":{\"url\":\"https://shop.example/o/1\"}},"
                + "{\"title\":\"Gọi lại\",\"type\":\"oa.query.show\",\"payload\":\"#callback\"},"
                + "{\"title\":\"Ẩn\",\"type\":\"oa.query.hide\",\"payload\":\"#hidden\"},"
                + "{\"title\":\"Gọi\",\"type\":\"oa.open.phone\",\"payload\":{\"phone_code\":\"84981234980\"}},"
                + "{\"title\":\"Nhắn\",\"type\":\"oa.open.sms\",\"payload\":{\"phone_code\":\"84981234980\","
                + "\"content\":\"Tôi cần hỗ trợ\"}}]}}}"));
    }

    @Test
    void aRequestForUserInfo() throws Exception {
        OaMessage m = OaMessage.builder().requestUserInfo("Chia sẻ thông tin", "Để giao hàng",
                "https://shop.example/logo.png").build();
        assertThat(json(send(m)).get("message")).isEqualTo(json(
                "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"request_user_info\","
                + "\"elements\":[{\"title\":\"Chia sẻ thông tin\",\"subtitle\":\"Để giao hàng\","
                + "\"image_url\":\"https://shop.example/logo.png\"}]}}}"));
    }

    @Test
    void aTransactionTemplateGoesToTheTransactionEndpoint() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Mã đơn", "1001");
        rows.put("Tổng", "250.000đ");
        OaMessage m = OaMessage.builder().template(OaMessage.TemplateType.transaction_order)
                .element(OaElement.bannerUrl("https://shop.example/b.png"))
                .element(OaElement.header("Đơn hàng đã giao", OaElement.Align.center))
                .element(OaElement.text("Cảm ơn quý khách"))
                .element(OaElement.table(rows))
                .button(OaButton.openUrl("Chi tiết", "https://shop.example/o/1001"))
                .build();
        WireRequest r = send(m);
        assertThat(r.pathAndQuery()).isEqualTo("/v3.0/oa/message/transaction");
        assertThat(json(r).get("message")).isEqualTo(json(
                "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"transaction_order\","
                + "\"language\":\"VI\",\"elements\":["
                + "{\"type\":\"banner\",\"image_url\":\"https://shop.example/b.png\"},"
                + "{\"type\":\"header\",\"content\":\"Đơn hàng đã giao\",\"align\":\"center\"},"
                + "{\"type\":\"text\",\"content\":\"Cảm ơn quý khách\",\"align\":\"left\"},"
                + "{\"type\":\"table\",\"content\":[{\"key\":\"Mã đơn\",\"value\":\"1001\"},"
                + "{\"key\":\"Tổng\",\"value\":\"250.000đ\"}]}],"
                + "\"buttons\":[{\"title\":\"Chi tiết\",\"type\":\"oa.open.url\","
                + "\"payload\":{\"url\":\"https://shop.example/o/1001\"}}]}}}"));
    }

    @Test
    void aPromotionTemplateGoesToThePromotionEndpoint() {
        OaMessage m = OaMessage.builder().template(OaMessage.TemplateType.promotion)
                .element(OaElement.header("Giảm 20%")).build();
        assertThat(send(m).pathAndQuery()).isEqualTo("/v3.0/oa/message/promotion");
    }

    @Test
    void aTextMayBeSentAsATransactionOrPromotionWhenAsked() {
        WireRequest r = new ZaloMessageCodec().request(OaMessageRequest.builder().userId(USER)
                .messageType(OaMessageType.transaction).message(OaMessage.text("Đơn đã giao")).build());
        assertThat(r.pathAndQuery()).isEqualTo("/v3.0/oa/message/transaction");
    }

    @Test
    void theMessageAnswerIsReadWithItsQuota() {
        OaMessageRequest request = OaMessageRequest.text(USER, "x");
        OaMessageResult r = new ZaloMessageCodec().decode(request, ok(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m-1\",\"user_id\":\"" + USER
                + "\",\"quota\":{\"quota_type\":\"reply\",\"remain\":\"7\",\"total\":8,"
                + "\"expired_date\":null,\"owner_type\":\"OA\",\"owner_id\":\"1600\"},\"new\":1}}"));
        assertThat(r.getMessageId()).isEqualTo("m-1");
        assertThat(r.getUserId()).isEqualTo(USER);
        assertThat(r.getMessageType()).isEqualTo(OaMessageType.consultation);
        assertThat(r.getQuota().getQuotaType()).isEqualTo("reply");
        assertThat(r.getQuota().getRemain()).isEqualTo(7L);
        assertThat(r.getQuota().getTotal()).isEqualTo(8L);
        assertThat(r.getQuota().getOwnerType()).isEqualTo("OA");
    }

    @Test
    void aPlainTextWrittenDirectlyIsWhatJacksonWrites() {
        for (String text : List.of("Đơn hàng DH1001 của anh đã được giao", "Order shipped", "Giá: 250.000đ (đã gồm VAT) ~ 100%",
                "emoji 😀 and more", "a \"quote\" and a \\ backslash", "\u00a0\u2028 </script>",
                "Cảm ơn quý khách đã đặt hàng: 1.000€", "\u00a1\u07ff\u0800\ufffd")) {
            OaMessageRequest request = OaMessageRequest.text(USER, text);
            // byte for byte: the direct way encodes UTF-8 itself
            assertThat(new ZaloMessageCodec().request(request).body()).as(text)
                    .isEqualTo(ZaloMessageCodec.body(request));
        }
        // written directly only where nothing needs escaping; anything else, and every other kind, through Jackson
        assertThat(ZaloMessageCodec.plainText(OaMessageRequest.text(USER, "Đơn hàng DH1001"))).isNotNull();
        assertThat(ZaloMessageCodec.plainText(OaMessageRequest.text(USER, "anh \"Tân\""))).isNull();
        assertThat(ZaloMessageCodec.plainText(OaMessageRequest.text(USER, "😀"))).isNull();
    }

    @Test
    void aSuccessReadInOnePassIsWhatTheGeneralReadingMakesOfIt() {
        OaMessageRequest request = OaMessageRequest.text(USER, "x");
        String quota = "{\"quota_type\":\"sub_quota\",\"remain\":\"1997\",\"total\":2000.0,\"expired_date\":"
                       + "\"2026-12-31\",\"owner_type\":\"OA\",\"owner_id\":1600}";
        List<String> bodies = List.of(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m-1\",\"user_id\":\"" + USER
                + "\",\"quota\":" + quota + "}}",
                "{\"data\":{\"user_id\":" + USER + ",\"message_id\":77,\"quota\":null},\"error\":0}",
                "{\"error\":0,\"data\":{\"message_id\":\"m-2\"}}",
                "{\"error\":0,\"data\":{\"message_id\":\"m-3\",\"quota\":{\"remain\":\" 5\",\"total\":\"x\"}}}",
                "{\"error\":0,\"data\":{\"message_id\":{\"id\":1},\"quota\":\"reply\"}}",
                "{\"error\":0,\"data\":null}",
                "{\"error\":0}",
                "{\"error\":\"0\",\"data\":{\"message_id\":\"m-4\"}}");
        for (String body : bodies) {
            assertThat(new ZaloMessageCodec().decode(request, ok(body)))
                    .as(body).hasToString(new ZaloMessageCodec().decodeInGeneral(request, ok(body)).toString());
        }
        assertThat(new ZaloMessageCodec().decode(request, ok(bodies.get(0))).getQuota().getRemain()).isEqualTo(1997L);
        // the common answer takes the one-pass way; a quoted code or a field of another type the general one
        assertThat(OaMessageAnswer.plainSuccess(ok(bodies.get(0)))).isNotNull();
        assertThat(OaMessageAnswer.plainSuccess(ok(bodies.get(1)))).isNotNull();
        assertThat(OaMessageAnswer.plainSuccess(ok(bodies.get(4)))).isNull();
        assertThat(OaMessageAnswer.plainSuccess(ok(bodies.get(7)))).isNull();
    }

    @Test
    void whatIsNoPlainSuccessFailsAsTheGeneralReadingSays() {
        OaMessageRequest request = OaMessageRequest.text(USER, "x");
        for (String body : List.of("{\"error\":0.5,\"data\":{\"message_id\":\"m\"}}",
                "{\"error\":0,\"error\":-230,\"data\":{}}", "{\"error\":-216,\"message\":\"Access token is invalid\"}",
                "[1]", "")) {
            assertThatThrownBy(() -> new ZaloMessageCodec().decode(request, ok(body))).as(body)
                    .isInstanceOf(ProviderFailure.class);
        }
        assertThatThrownBy(() -> new ZaloMessageCodec().decode(request, new HttpReply(500, Map.of(),
                "{\"error\":0,\"data\":{\"message_id\":\"m\"}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ProviderFailure.class);
    }

    @Test
    void negativeErrorsWithHttp200AreFailuresOfTheirKind() {
        OaMessageRequest request = OaMessageRequest.text(USER, "x");
        Map<String, ZaloErrorKind> expected = Map.of(
                "-230", ZaloErrorKind.OUTSIDE_WINDOW, "-232", ZaloErrorKind.OUTSIDE_WINDOW,
                "-213", ZaloErrorKind.NOT_FOLLOWER, "-211", ZaloErrorKind.QUOTA_EXHAUSTED,
                "-216", ZaloErrorKind.TOKEN_INVALID, "-220", ZaloErrorKind.TOKEN_INVALID,
                "-32", ZaloErrorKind.RATE_LIMITED, "-227", ZaloErrorKind.USER_UNREACHABLE,
                "-223", ZaloErrorKind.UNAUTHORIZED, "-201", ZaloErrorKind.REJECTED);
        expected.forEach((code, kind) -> assertThatThrownBy(() -> new ZaloMessageCodec().decode(request,
                ok("{\"error\":\"" + code + "\",\"message\":\"Zalo nói " + code + "\"}")))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.getKind()).as(code).isEqualTo(kind);
                    assertThat(f.getErrorCode()).isEqualTo(code);
                    assertThat(f.getErrorMessage()).isEqualTo("Zalo nói " + code);
                    assertThat(f.getHttpStatus()).isEqualTo(200);
                }));
    }

    @Test
    void anUnknownCodeKeepsItsCodeAndMessage() {
        assertThatThrownBy(() -> new ZaloMessageCodec().decode(OaMessageRequest.text(USER, "x"),
                ok("{\"error\":-999,\"message\":\"Something new\"}")))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
                    assertThat(f.getErrorCode()).isEqualTo("-999");
                    assertThat(f.getErrorMessage()).isEqualTo("Something new");
                });
    }

    @Test
    void znsCodesAreReadWithTheirOwnTable() {
        ZnsRequest request = ZnsRequest.builder().phoneNo("0981234980").templateId("2001")
                .templateData(Map.of("name", "An")).build();
        assertThatThrownBy(() -> new ZnsSendCodec().decode(request, ok("{\"error\":-100,\"message\":\"Try later\"}")))
                .isInstanceOfSatisfying(ProviderFailure.class,
                        f -> assertThat(f.getKind()).isEqualTo(ZaloErrorKind.UNAVAILABLE));
        assertThatThrownBy(() -> new ZnsSendCodec().decode(request, ok("{\"error\":-124,\"message\":\"token\"}")))
                .isInstanceOfSatisfying(ProviderFailure.class,
                        f -> assertThat(f.getKind()).isEqualTo(ZaloErrorKind.TOKEN_INVALID));
        assertThatThrownBy(() -> new ZnsSendCodec().decode(request, ok("{\"error\":-115,\"message\":\"quota\"}")))
                .isInstanceOfSatisfying(ProviderFailure.class,
                        f -> assertThat(f.getKind()).isEqualTo(ZaloErrorKind.QUOTA_EXHAUSTED));
    }

    @Test
    void anUploadIsOneMultipartPartNamedFile() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3 };
        WireRequest r = new ZaloUploadCodec().request(UploadRequest.builder().content(png).fileName("a.png").build());
        assertThat(r.pathAndQuery()).isEqualTo("/v2.0/oa/upload/image");
        assertThat(r.contentType()).startsWith("multipart/form-data; boundary=camel-zalo-");
        String boundary = r.contentType().substring(r.contentType().indexOf('=') + 1);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).isEqualTo("--" + boundary + "\r\n"
                                   + "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                                   + "Content-Type: image/png\r\n\r\n"
                                   + new String(png, StandardCharsets.ISO_8859_1)
                                   + "\r\n--" + boundary + "--\r\n");
    }

    @Test
    void theUploadAnswerGivesAnAttachmentIdOrAToken() {
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);
        UploadResult image = new ZaloUploadCodec().decode(UploadRequest.builder().content(gif).build(),
                ok("{\"error\":0,\"data\":{\"attachment_id\":\"att-5\"}}"));
        assertThat(image.getType()).isEqualTo(UploadType.gif);
        assertThat(image.getAttachmentId()).isEqualTo("att-5");
        UploadResult file = new ZaloUploadCodec().decode(UploadRequest.builder().content(new byte[] { 1 })
                .fileName("hd.pdf").contentType("application/pdf").build(),
                ok("{\"error\":0,\"data\":{\"token\":\"tok-5\"}}"));
        assertThat(file.getToken()).isEqualTo("tok-5");
        assertThatThrownBy(() -> new ZaloUploadCodec().decode(UploadRequest.builder().content(gif).build(),
                ok("{\"error\":0,\"data\":{}}")))
                .isInstanceOfSatisfying(ProviderFailure.class,
                        f -> assertThat(f.getKind()).isEqualTo(ZaloErrorKind.BAD_RESPONSE));
    }

    @Test
    void theUserDetailTakesItsJsonInTheQuery() throws Exception {
        WireRequest r = new ZaloUserProfileCodec().request(new UserRequest(USER, null));
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.body()).isEmpty();
        assertThat(r.pathAndQuery()).startsWith("/v3.0/oa/user/detail?data=");
        String data = URLDecoder.decode(r.pathAndQuery().substring(r.pathAndQuery().indexOf('=') + 1),
                StandardCharsets.UTF_8);
        assertThat(json(data)).isEqualTo(json("{\"user_id\":\"" + USER + "\"}"));
    }

    @Test
    void theUserDetailIsRead() {
        UserProfile p = new ZaloUserProfileCodec().decode(ok("{\"error\":0,\"data\":{\"user_id\":\"" + USER + "\","
                                                             + "\"user_id_by_app\":\"55\",\"display_name\":\"Nghĩa\","
                                                             + "\"user_is_follower\":true,"
                                                             + "\"user_last_interaction_date\":\"02/03/2026\","
                                                             + "\"tags_and_notes_info\":{\"tag_names\":[\"vip\"],"
                                                             + "\"notes\":[]},\"shared_info\":{\"name\":\"N\","
                                                             + "\"phone\":\"84981234980\",\"city\":\"HN\"}}}"));
        assertThat(p.getUserId()).isEqualTo(USER);
        assertThat(p.getUserIdByApp()).isEqualTo("55");
        assertThat(p.isFollower()).isTrue();
        assertThat(p.getLastInteractionDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(p.getTagNames()).containsExactly("vip");
        assertThat(p.getSharedInfo().getPhone()).isEqualTo("84981234980");
        assertThat(p.toString()).doesNotContain("84981234980");
    }

    @Test
    void followersPageThroughTheirFilters() throws Exception {
        FollowersRequest request = FollowersRequest.builder().offset(0).count(2).tag("vip")
                .lastInteractionPeriod("l30d").followersOnly(true).allPages(true).maxResults(3).build();
        WireRequest r = new ZaloFollowersCodec().request(request);
        String data = URLDecoder.decode(r.pathAndQuery().substring(r.pathAndQuery().indexOf('=') + 1),
                StandardCharsets.UTF_8);
        assertThat(json(data)).isEqualTo(json("{\"offset\":0,\"count\":2,\"tag_name\":\"vip\","
                                              + "\"last_interaction_period\":\"L30D\",\"is_follower\":\"true\"}"));

        ZaloFollowersCodec codec = new ZaloFollowersCodec();
        FollowersPage first = codec.decode(request, ok("{\"error\":0,\"data\":{\"total\":5,\"count\":2,\"offset\":0,"
                                                       + "\"users\":[{\"user_id\":\"1\"},{\"user_id\":\"2\"}]}}"));
        FollowersRequest second = codec.next(request, first, first);
        assertThat(second.getOffset()).isEqualTo(2);
        // maxResults 3: one more, not a page of 2
        assertThat(second.getCount()).isEqualTo(1);
        FollowersPage page2 = codec.decode(second, ok("{\"error\":0,\"data\":{\"total\":5,\"offset\":2,"
                                                      + "\"users\":[{\"user_id\":\"3\"}]}}"));
        FollowersPage merged = codec.merge(first, page2);
        assertThat(merged.getUserIds()).containsExactly("1", "2", "3");
        assertThat(codec.next(second, merged, page2)).isNull();
    }

    @Test
    void aZnsGoesToTheBusinessApiInInternationalForm() throws Exception {
        ZnsRequest request = ZnsRequest.builder().phoneNo("098 123 4980").templateId("2001")
                .templateData(new LinkedHashMap<>(Map.of("customer", "Nghĩa"))).trackingId("order-1001")
                .development(true).build();
        WireRequest r = new ZnsSendCodec().request(request);
        assertThat(r.api()).isEqualTo(WireRequest.Api.BUSINESS);
        assertThat(r.pathAndQuery()).isEqualTo("/message/template");
        assertThat(json(r)).isEqualTo(json("{\"phone\":\"84981234980\",\"template_id\":\"2001\","
                                           + "\"template_data\":{\"customer\":\"Nghĩa\"},\"tracking_id\":\"order-1001\","
                                           + "\"mode\":\"development\"}"));
        ZnsResult result = new ZnsSendCodec().decode(request, ok(
                "{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"z-1\",\"sent_time\":\"1626926349402\","
                + "\"sending_mode\":null,\"quota\":{\"dailyQuota\":\"500\",\"remainingQuota\":\"499\"}}}"));
        assertThat(result.getMsgId()).isEqualTo("z-1");
        assertThat(result.getSentTime()).isEqualTo(Instant.ofEpochMilli(1626926349402L));
        assertThat(result.getDailyQuota()).isEqualTo(500L);
        assertThat(result.getRemainingQuota()).isEqualTo(499L);
        assertThat(result.getTrackingId()).isEqualTo("order-1001");
    }

    @Test
    void znsDataIsSentAsTextAndModeIsLeftOutOutsideDevelopment() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amount", new java.math.BigDecimal("100000.50"));
        data.put("count", 3);
        data.put("ratio", 0.5);
        WireRequest r = new ZnsSendCodec().request(ZnsRequest.builder().phoneNo("0981234980").templateId("2001")
                .templateData(data).build());
        assertThat(json(r)).isEqualTo(json("{\"phone\":\"84981234980\",\"template_id\":\"2001\","
                                           + "\"template_data\":{\"amount\":\"100000.50\",\"count\":\"3\","
                                           + "\"ratio\":\"0.5\"}}"));
    }

    @Test
    void templatesAreDescribedOneByIdOrListed() {
        ZnsTemplateCodec codec = new ZnsTemplateCodec();
        ZnsTemplateRequest one = new ZnsTemplateRequest("2001", 0, 100, null, null);
        assertThat(codec.request(one).pathAndQuery()).isEqualTo("/template/info?template_id=2001");
        ZnsTemplate t = (ZnsTemplate) codec.decode(one, ok("{\"error\":0,\"data\":{\"templateId\":2001,"
                                                           + "\"templateName\":\"Giao hàng\",\"status\":\"ENABLE\","
                                                           + "\"listParams\":[{\"name\":\"customer\",\"require\":true,"
                                                           + "\"type\":\"STRING\",\"maxLength\":30,\"minLength\":0,"
                                                           + "\"acceptNull\":false}],\"price\":\"300\"}}"));
        assertThat(t.getTemplateId()).isEqualTo("2001");
        assertThat(t.getListParams()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("customer");
            assertThat(p.isRequire()).isTrue();
            assertThat(p.getMaxLength()).isEqualTo(30);
        });
        ZnsTemplateRequest all = new ZnsTemplateRequest(null, 10, 20, 1, null);
        assertThat(codec.request(all).pathAndQuery()).isEqualTo("/template/all?offset=10&limit=20&status=1");
        @SuppressWarnings("unchecked")
        List<ZnsTemplate> list = (List<ZnsTemplate>) codec.decode(all, ok("{\"error\":0,\"data\":["
                                                                         + "{\"templateId\":1},{\"templateId\":2}]}"));
        assertThat(list).extracting(ZnsTemplate::getTemplateId).containsExactly("1", "2");
    }

    @Test
    void anAnswerWithoutAnErrorCodeIsNotTakenForASuccess() {
        assertThatThrownBy(() -> new ZnsQuotaCodec().decode(ok("{\"data\":{\"dailyQuota\":1}}")))
                .isInstanceOfSatisfying(ProviderFailure.class,
                        f -> assertThat(f.getKind()).isEqualTo(ZaloErrorKind.BAD_RESPONSE));
    }
}
