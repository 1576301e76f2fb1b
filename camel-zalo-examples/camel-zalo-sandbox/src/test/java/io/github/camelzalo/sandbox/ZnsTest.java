package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ZNS on /zalo/business: the send and its checks, daily quota, development mode, status, quota and templates. */
class ZnsTest extends ZaloApiFixture {

    static final String ORDER = "2450001";
    static final String OTP = "2450002";
    static final String ORDER_DATA = "{\"customer_name\":\"Nguyễn Trọng Nghĩa\",\"order_code\":\"DH1024\","
                                     + "\"amount\":\"350000\",\"delivery_date\":\"05/03/2026\"}";

    String token;

    void startWith(ZaloSandbox.Builder b) {
        ZnsTemplate.samples().forEach(b::znsTemplate);
        start(b);
        token = sandbox.issueTokens(OA).accessToken();
    }

    Answer zns(String accessToken, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.zaloBusinessBaseUrl() + "/message/template"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            b.header("access_token", accessToken);
        }
        return callRaw(b.build());
    }

    Answer send(String phone, String templateId, String data) {
        return zns(token, "{\"phone\":\"" + phone + "\",\"template_id\":\"" + templateId + "\",\"template_data\":"
                          + data + ",\"tracking_id\":\"order-1024\"}");
    }

    Answer get(String pathAndQuery) {
        return callRaw(HttpRequest.newBuilder(URI.create(sandbox.zaloBusinessBaseUrl() + pathAndQuery))
                .header("access_token", token).GET().build());
    }

    @Test
    void aZnsIsSentByPhoneAndAnsweredWithItsQuotaAsStrings() {
        startWith(zaloBuilder());

        Answer a = send("84981234980", ORDER, ORDER_DATA);

        assertThat(a.status()).isEqualTo(200);
        assertThat(error(a)).isZero();
        JsonNode d = a.data();
        assertThat(d.get("msg_id").asText()).hasSize(32);
        assertThat(d.get("sent_time").isTextual()).isTrue();
        assertThat(d.get("sent_time").asText()).isEqualTo(Long.toString(clock.now().toEpochMilli()));
        assertThat(d.get("sending_mode").asText()).isEqualTo("1");
        assertThat(d.get("quota").toString()).isEqualTo("{\"dailyQuota\":\"20000\",\"remainingQuota\":\"19999\"}");
        OutboxMessage m = lastSent();
        assertThat(m).extracting(OutboxMessage::msgId, OutboxMessage::provider, OutboxMessage::type,
                OutboxMessage::format, OutboxMessage::templateId, OutboxMessage::trackingId, OutboxMessage::quotaType,
                OutboxMessage::phone).containsExactly(d.get("msg_id").asText(), "zalo", MessageType.ZNS, "zns", ORDER,
                        "order-1024", "none", NGHIA);
        assertThat(m.text()).isEqualTo("Xin chào Nguyễn Trọng Nghĩa, đơn hàng DH1024 trị giá 350000đ sẽ được giao"
                                       + " ngày 05/03/2026.");
        assertThat(sandbox.znsTemplates().remainingQuota(OA)).isEqualTo(19999);
    }

    @Test
    void znsReachesCustomersOutsideTheConsultationWindow() {
        startWith(zaloBuilder());

        assertThat(error(send("84987654321", ORDER, ORDER_DATA))).as("Đức wrote 10 days ago").isZero();
        assertThat(error(send("84903456789", ORDER, ORDER_DATA))).as("Cường never wrote").isZero();
    }

    @Test
    void thePhoneMustBeAMobileNumberIn84Form() {
        startWith(zaloBuilder());

        assertThat(error(send("0981234980", ORDER, ORDER_DATA))).isEqualTo(-108);
        assertThat(error(send("849812349", ORDER, ORDER_DATA))).isEqualTo(-108);
        assertThat(error(send("84241234567", ORDER, ORDER_DATA))).as("a Hà Nội landline").isEqualTo(-108);
        Answer missing = zns(token, "{\"template_id\":\"" + ORDER + "\",\"template_data\":" + ORDER_DATA + "}");
        assertThat(error(missing)).isEqualTo(-108);
        assertThat(missing.text("message")).contains("phone");
        assertThat(sandbox.outbox().size()).isZero();
    }

    @Test
    void theTemplateMustExistAndBeApproved() {
        startWith(zaloBuilder());

        assertThat(error(send("84981234980", "999", ORDER_DATA))).isEqualTo(-109);
        Answer pending = send("84981234980", "2450003", "{\"customer_name\":\"A\",\"discount\":\"10%\"}");
        assertThat(error(pending)).isEqualTo(-117);
        assertThat(pending.text("message")).contains("PENDING_REVIEW");
        assertThat(error(send("84981234980", "2450005", "{\"note\":\"x\"}"))).isEqualTo(-117);

        sandbox.znsTemplates().setStatus(ORDER, ZnsTemplate.DISABLE);

        assertThat(error(send("84981234980", ORDER, ORDER_DATA))).isEqualTo(-117);
    }

    @Test
    void templateDataMustFitTheTemplatesParameters() {
        startWith(zaloBuilder());

        Answer absent = zns(token, "{\"phone\":\"84981234980\",\"template_id\":\"" + ORDER + "\"}");
        Answer empty = send("84981234980", ORDER, "{}");
        Answer missingParam = send("84981234980", ORDER, ORDER_DATA.replace("\"order_code\":\"DH1024\",", ""));
        Answer tooLong = send("84981234980", ORDER, ORDER_DATA.replace("DH1024", "D".repeat(31)));
        Answer notNumber = send("84981234980", ORDER, ORDER_DATA.replace("350000", "ba trăm"));
        Answer notDate = send("84981234980", ORDER, ORDER_DATA.replace("05/03/2026", "2026-03-05"));
        Answer noSuchDay = send("84981234980", ORDER, ORDER_DATA.replace("05/03/2026", "31/02/2026"));
        Answer extra = send("84981234980", ORDER, ORDER_DATA.replace("}", ",\"coupon\":\"X\"}"));
        Answer shortOtp = send("84981234980", OTP, "{\"otp\":\"123\"}");
        Answer numberValue = send("84981234980", ORDER, ORDER_DATA.replace("\"350000\"", "350000"));

        assertThat(error(absent)).isEqualTo(-111);
        assertThat(error(empty)).isEqualTo(-111);
        assertThat(error(missingParam)).isEqualTo(-112);
        assertThat(missingParam.text("message")).contains("template_data.order_code");
        assertThat(error(tooLong)).isEqualTo(-112);
        assertThat(tooLong.text("message")).contains("order_code").contains("30");
        assertThat(error(notNumber)).isEqualTo(-112);
        assertThat(notNumber.text("message")).contains("amount");
        assertThat(error(notDate)).isEqualTo(-112);
        assertThat(error(noSuchDay)).isEqualTo(-112);
        assertThat(error(extra)).isEqualTo(-112);
        assertThat(extra.text("message")).contains("coupon");
        assertThat(error(shortOtp)).isEqualTo(-112);
        assertThat(error(numberValue)).as("a number may come as a JSON number").isZero();
        assertThat(error(send("84981234980", OTP, "{\"otp\":\"1234\"}"))).isZero();
    }

    @Test
    void theTrackingIdIsAtMost48Characters() {
        startWith(zaloBuilder());
        String body = "{\"phone\":\"84981234980\",\"template_id\":\"" + OTP + "\",\"template_data\":{\"otp\":\"1234\"},"
                      + "\"tracking_id\":\"%s\"}";

        assertThat(error(zns(token, body.formatted("t".repeat(48))))).isZero();
        Answer tooLong = zns(token, body.formatted("t".repeat(49)));

        assertThat(error(tooLong)).isEqualTo(-201);
        assertThat(tooLong.text("message")).contains("tracking_id");
    }

    @Test
    void noZaloAccountRefusalAndDevelopmentModeHaveTheirCodes() {
        startWith(zaloBuilder());
        sandbox.directory().update(BICH, c -> c.withProfile(c.profile().withZnsConsent(false)));
        sandbox.directory().update(NGHIA, c -> c.withProfile(c.profile().withAdmin(true)));
        String dev = "{\"phone\":\"%s\",\"template_id\":\"" + OTP + "\",\"template_data\":{\"otp\":\"1234\"},"
                     + "\"mode\":\"development\"}";

        assertThat(error(send("84977123456", OTP, "{\"otp\":\"1234\"}"))).as("Khánh has no Zalo").isEqualTo(-118);
        assertThat(error(send("84961111111", OTP, "{\"otp\":\"1234\"}"))).as("unknown number").isEqualTo(-118);
        assertThat(error(send("84912345678", OTP, "{\"otp\":\"1234\"}"))).as("Bích refused ZNS").isEqualTo(-139);
        assertThat(error(zns(token, dev.formatted("84987654321")))).as("Đức is no admin").isEqualTo(-127);
        Answer toAdmin = zns(token, dev.formatted("84981234980"));

        assertThat(error(toAdmin)).isZero();
        assertThat(toAdmin.data().get("quota").get("remainingQuota").asText()).isEqualTo("20000");
        assertThat(sandbox.outbox().messages()).extracting(OutboxMessage::phone).containsExactly(NGHIA);
    }

    @Test
    void theDailyQuotaRunsOutAndComesBackTheNextDay() {
        startWith(zaloBuilder().znsDailyQuota(2));

        assertThat(error(send("84981234980", OTP, "{\"otp\":\"1111\"}"))).isZero();
        assertThat(error(send("84987654321", OTP, "{\"otp\":\"2222\"}"))).isZero();
        Answer out = send("84903456789", OTP, "{\"otp\":\"3333\"}");
        Answer quota = get("/message/quota");
        clock.advance(Duration.ofHours(15)); // past midnight in Vietnam
        token = sandbox.issueTokens(OA).accessToken();
        Answer nextDay = send("84903456789", OTP, "{\"otp\":\"3333\"}");

        assertThat(error(out)).isEqualTo(-115);
        assertThat(quota.data().toString()).isEqualTo("{\"dailyQuota\":\"2\",\"remainingQuota\":\"0\"}");
        assertThat(error(nextDay)).isZero();
        assertThat(nextDay.data().get("quota").get("remainingQuota").asText()).isEqualTo("1");
    }

    @Test
    void aBadOrExpiredTokenIsMinus124() {
        startWith(zaloBuilder());

        Answer missing = zns(null, "{}");
        Answer unknown = zns("nope", "{}");
        clock.advance(Duration.ofHours(25));
        Answer expired = send("84981234980", OTP, "{\"otp\":\"1234\"}");

        assertThat(List.of(missing, unknown, expired)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(error(a)).isEqualTo(-124);
        });
    }

    @Test
    void theStatusOfASentMessageSaysWhenItWasDelivered() {
        startWith(zaloBuilder());
        String msgId = send("84981234980", OTP, "{\"otp\":\"1234\"}").data().get("msg_id").asText();

        Answer status = get("/message/status?message_id=" + msgId + "&phone=84981234980");
        Answer unknown = get("/message/status?message_id=nope&phone=84981234980");
        Answer otherPhone = get("/message/status?message_id=" + msgId + "&phone=84987654321");

        assertThat(error(status)).isZero();
        assertThat(status.data().get("status").asInt()).isEqualTo(1);
        assertThat(status.data().get("delivery_time").asText()).isEqualTo(Long.toString(clock.now().toEpochMilli()));
        assertThat(error(unknown)).isEqualTo(-107);
        assertThat(error(otherPhone)).isEqualTo(-108);
    }

    @Test
    void theTemplatesAreListedPagedAndFilteredByStatus() {
        startWith(zaloBuilder());

        Answer all = get("/template/all?offset=0&limit=100");
        Answer enabled = get("/template/all?offset=0&limit=10&status=1");
        Answer pending = get("/template/all?status=PENDING_REVIEW");
        Answer page = get("/template/all?offset=1&limit=2");

        assertThat(error(all)).isZero();
        assertThat(all.json().get("metadata").get("total").asInt()).isEqualTo(5);
        JsonNode first = all.data().get(0);
        assertThat(first.get("templateId").isNumber()).isTrue();
        assertThat(first.get("templateId").asText()).isEqualTo(ORDER);
        assertThat(first.get("templateName").asText()).isEqualTo("Xác nhận đơn hàng");
        assertThat(first.get("status").asText()).isEqualTo("ENABLE");
        assertThat(first.has("createdTime")).isTrue();
        assertThat(first.get("templateQuality").asText()).isEqualTo("HIGH");
        assertThat(enabled.data()).extracting(t -> t.get("templateId").asText()).containsExactly(ORDER, OTP);
        assertThat(enabled.json().get("metadata").get("total").asInt()).isEqualTo(2);
        assertThat(pending.data()).extracting(t -> t.get("templateId").asText()).containsExactly("2450003");
        assertThat(page.data()).extracting(t -> t.get("templateId").asText()).containsExactly(OTP, "2450003");
        assertThat(page.json().get("metadata").get("total").asInt()).isEqualTo(5);
    }

    @Test
    void templateInfoListsTheParametersAClientChecksBeforeSending() {
        startWith(zaloBuilder());

        Answer info = get("/template/info?template_id=" + OTP);
        Answer unknown = get("/template/info?template_id=1");

        assertThat(error(info)).isZero();
        JsonNode d = info.data();
        assertThat(d.get("templateId").asLong()).isEqualTo(2450002L);
        assertThat(d.get("status").asText()).isEqualTo("ENABLE");
        assertThat(d.get("price").asText()).isEqualTo("300");
        assertThat(d.get("listParams").toString()).isEqualTo("[{\"name\":\"otp\",\"require\":true,\"type\":\"STRING\","
                                                             + "\"maxLength\":8,\"minLength\":4,\"acceptNull\":false}]");
        assertThat(error(unknown)).isEqualTo(-109);
    }

    @Test
    void unknownZnsPathsAre404() {
        startWith(zaloBuilder());

        assertThat(get("/message/templates").status()).isEqualTo(404);
    }
}
