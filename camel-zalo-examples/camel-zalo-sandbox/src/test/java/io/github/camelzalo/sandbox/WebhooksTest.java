package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Zalo's webhook events from the sandbox: shapes, signatures, receipts, retries, duplicates, order, admin calls. */
class WebhooksTest extends ZaloApiFixture {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String SECOND_OA_SECRET = "second-oa-secret-9e2";

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    ZaloSandbox.Builder hooked() {
        return zaloBuilder().webhookUrl(receiver.url()).webhookRetryScale(0.001)
                .officialAccount(OAuthTest.SECOND_OA, SECOND_OA_SECRET);
    }

    /** The signature recomputed here, from the raw bytes as received: SHA-256(app_id + body + timestamp + key). */
    static String expectedSignature(WebhookReceiver.Received r, String oaSecret) throws Exception {
        JsonNode json = r.json();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(json.get("app_id").asText().getBytes(StandardCharsets.UTF_8));
        sha.update(r.body());
        sha.update(json.get("timestamp").asText().getBytes(StandardCharsets.UTF_8));
        sha.update(oaSecret.getBytes(StandardCharsets.UTF_8));
        return "mac=" + HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void aCustomersTextArrivesSignedInZalosShapeAndUpdatesTheDirectory() throws Exception {
        start(hooked());

        String msgId = sandbox.actAs(HA).writes("Cho tôi hỏi về đơn hàng");

        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("num_retry")).isNull();
        assertThat(r.header("X-ZEvent-Signature")).matches("mac=[0-9a-f]{64}")
                .isEqualTo(expectedSignature(r, OA_SECRET))
                .isNotEqualTo(expectedSignature(r, APP_SECRET));
        JsonNode e = r.json();
        assertThat(e.get("app_id").asText()).isEqualTo(APP_ID);
        assertThat(e.get("event_name").asText()).isEqualTo("user_send_text");
        assertThat(e.get("sender").get("id").asText()).isEqualTo("8941234567136204");
        assertThat(e.get("recipient").get("id").asText()).isEqualTo(OA);
        assertThat(e.get("user_id_by_app").asText()).isEqualTo(UserIds.byApp(APP_ID, "8941234567136204"));
        assertThat(e.get("message").get("msg_id").asText()).isEqualTo(msgId);
        assertThat(e.get("message").get("text").asText()).isEqualTo("Cho tôi hỏi về đơn hàng");
        assertThat(e.get("timestamp").isTextual()).isTrue();
        assertThat(e.get("timestamp").asText()).isEqualTo(Long.toString(clock.now().toEpochMilli()));
        Customer ha = sandbox.directory().find(HA).orElseThrow();
        assertThat(ha.lastInteraction()).isEqualTo(clock.now());
        assertThat(ha.repliesUsed()).isZero();
        assertThat(sandbox.status(HA).consultationMessageFreeRemain()).isEqualTo(8);
        assertThat(sandbox.conversations().of(HA)).singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo(ConversationEntry.Direction.FROM_CUSTOMER);
            assertThat(c.msgId()).isEqualTo(msgId);
            assertThat(c.text()).isEqualTo("Cho tôi hỏi về đơn hàng");
        });
        assertThat(sandbox.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(sandbox.webhooks().deliveries()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.attempts()).extracting(WebhookAttempt::httpStatus).containsExactly(200);
        });
    }

    @Test
    void eachOaSignsWithItsOwnSecretKey() throws Exception {
        start(hooked());

        sandbox.actAs(NGHIA, OAuthTest.SECOND_OA).writes("Chào OA hai");

        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        assertThat(r.json().get("recipient").get("id").asText()).isEqualTo(OAuthTest.SECOND_OA);
        assertThat(r.header("X-ZEvent-Signature")).isEqualTo(expectedSignature(r, SECOND_OA_SECRET))
                .isNotEqualTo(expectedSignature(r, OA_SECRET));
    }

    @Test
    void everyAcceptedMessageOfEveryProviderGetsADeliveryReceipt() throws Exception {
        ZaloSandbox.Builder b = hooked();
        ZnsTemplate.samples().forEach(b::znsTemplate);
        start(b);
        String token = sandbox.issueTokens(OA).accessToken();

        sendText(NGHIA, "Qua CareSoft");
        sendImage(NGHIA_ZALO, "https://cdn.example.vn/a.png");
        sendOa("cs", token, NGHIA_ZALO, text("Qua Zalo"));
        sendText(DUC, "Bị từ chối: ngoài 7 ngày");
        HttpRequest zns = HttpRequest.newBuilder(URI.create(sandbox.zaloBusinessBaseUrl() + "/message/template"))
                .header("access_token", token).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"phone\":\"84987654321\",\"template_id\":\"2450002\",\"template_data\":{\"otp\":\"1234\"},"
                        + "\"tracking_id\":\"otp-77\"}")).build();
        assertThat(error(callRaw(zns))).isZero();

        List<WebhookReceiver.Received> all = receiver.await(4, WAIT);
        List<String> sentIds = sandbox.outbox().messages().stream().map(OutboxMessage::msgId).toList();
        assertThat(sentIds).hasSize(4);
        assertThat(all).allSatisfy(r -> {
            JsonNode e = r.json();
            assertThat(e.get("event_name").asText()).isEqualTo("user_received_message");
            assertThat(e.get("sender").get("id").asText()).isEqualTo(OA);
            assertThat(r.header("X-ZEvent-Signature")).isEqualTo(expectedSignature(r, OA_SECRET));
        });
        assertThat(all).extracting(r -> r.json().get("message").get("msg_id").asText())
                .containsExactlyInAnyOrderElementsOf(sentIds);
        JsonNode znsReceipt = all.stream().map(WebhookReceiver.Received::json)
                .filter(e -> e.get("message").has("tracking_id")).findFirst().orElseThrow();
        assertThat(znsReceipt.get("message").get("tracking_id").asText()).isEqualTo("otp-77");
        assertThat(znsReceipt.get("recipient").get("id").asText()).isEqualTo("8941234567136203");
        Thread.sleep(200);
        assertThat(receiver.received()).as("nothing for the refused message").hasSize(4);
    }

    @Test
    void followAndUnfollowCarryTheirSourceAndChangeTheDirectory() throws Exception {
        start(hooked());

        sandbox.actAs(BICH).follows("qr_code");
        receiver.await(1, WAIT);
        sandbox.actAs(BICH).unfollows();
        List<WebhookReceiver.Received> all = receiver.await(2, WAIT);

        JsonNode follow = all.get(0).json();
        assertThat(follow.get("event_name").asText()).isEqualTo("follow");
        assertThat(follow.get("oa_id").asText()).isEqualTo(OA);
        assertThat(follow.get("follower").get("id").asText()).isEqualTo(BICH_ZALO);
        assertThat(follow.get("source").asText()).isEqualTo("qr_code");
        assertThat(follow.get("app_id").asText()).isEqualTo(APP_ID);
        assertThat(follow.get("user_id_by_app").asText()).isEqualTo(UserIds.byApp(APP_ID, BICH_ZALO));
        assertThat(follow.get("timestamp").isTextual()).isTrue();
        assertThat(all.get(0).header("X-ZEvent-Signature")).isEqualTo(expectedSignature(all.get(0), OA_SECRET));
        assertThat(all.get(1).json().get("event_name").asText()).isEqualTo("unfollow");
        assertThat(sandbox.directory().find(BICH).orElseThrow().following()).isFalse();
    }

    @Test
    void seenEventsNameTheMessagesReadOnce() throws Exception {
        start(hooked().deliveryReceipts(false));
        String token = sandbox.issueTokens(OA).accessToken();
        String first = sendOa("cs", token, NGHIA_ZALO, text("Một")).data().get("message_id").asText();
        String second = sendOa("cs", token, NGHIA_ZALO, text("Hai")).data().get("message_id").asText();

        List<String> seen = sandbox.actAs(NGHIA).sees();
        List<String> again = sandbox.actAs(NGHIA).sees();

        assertThat(seen).containsExactly(first, second);
        assertThat(again).isEmpty();
        JsonNode e = receiver.await(1, WAIT).get(0).json();
        assertThat(e.get("event_name").asText()).isEqualTo("user_seen_message");
        assertThat(e.get("sender").get("id").asText()).isEqualTo(OA);
        assertThat(e.get("recipient").get("id").asText()).isEqualTo(NGHIA_ZALO);
        assertThat(e.get("message").get("msg_ids")).extracting(JsonNode::asText).containsExactly(first, second);
        assertThat(sandbox.conversations().of(NGHIA)).allSatisfy(c -> assertThat(c.seenAt()).isEqualTo(clock.now()));
        Thread.sleep(200);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void mediaEventsCarryTheirAttachments() throws Exception {
        start(hooked());

        sandbox.actAs(NGHIA).sendsImage("https://cdn.example.vn/anh.jpg");
        sandbox.actAs(NGHIA).sendsFile("https://cdn.example.vn/hd.pdf", "hoa-don.pdf", 1234);
        sandbox.actAs(NGHIA).sendsLocation(21.0285, 105.8542);

        List<WebhookReceiver.Received> all = receiver.await(3, WAIT);
        JsonNode image = find(all, "user_send_image");
        JsonNode file = find(all, "user_send_file");
        JsonNode location = find(all, "user_send_location");
        assertThat(image.get("message").get("attachments").get(0).get("type").asText()).isEqualTo("image");
        assertThat(image.get("message").get("attachments").get(0).get("payload").get("url").asText())
                .isEqualTo("https://cdn.example.vn/anh.jpg");
        JsonNode filePayload = file.get("message").get("attachments").get(0).get("payload");
        assertThat(filePayload.get("name").asText()).isEqualTo("hoa-don.pdf");
        assertThat(filePayload.get("size").asText()).isEqualTo("1234");
        JsonNode coordinates = location.get("message").get("attachments").get(0).get("payload").get("coordinates");
        assertThat(coordinates.get("latitude").asText()).isEqualTo("21.0285");
        assertThat(coordinates.get("longitude").asText()).isEqualTo("105.8542");
        assertThat(sandbox.conversations().of(NGHIA)).extracting(ConversationEntry::format)
                .containsExactly("image", "file", "location");
    }

    @Test
    void aFailedDeliveryIsRetriedOnZalosScheduleWithNumRetry() throws Exception {
        receiver.answer(new WebhookReceiver.Answer(500, 0), new WebhookReceiver.Answer(404, 0));
        start(hooked());

        sandbox.actAs(NGHIA).writes("Thử lại");

        List<WebhookReceiver.Received> all = receiver.await(3, WAIT);
        assertThat(all).extracting(r -> r.header("num_retry")).containsExactly(null, "1", "2");
        assertThat(all).extracting(r -> new String(r.body(), StandardCharsets.UTF_8)).containsOnly(
                new String(all.get(0).body(), StandardCharsets.UTF_8));
        long firstGap = all.get(1).nanoTime() - all.get(0).nanoTime();
        long secondGap = all.get(2).nanoTime() - all.get(1).nanoTime();
        assertThat(firstGap).as("30 s scaled to 30 ms").isGreaterThanOrEqualTo(Duration.ofMillis(29).toNanos());
        assertThat(secondGap).as("5 min scaled to 300 ms").isGreaterThanOrEqualTo(Duration.ofMillis(299).toNanos());
        assertThat(sandbox.webhooks().awaitIdle(WAIT)).isTrue();
        WebhookDelivery d = sandbox.webhooks().deliveries().get(0);
        assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(d.attempts()).extracting(WebhookAttempt::httpStatus).containsExactly(500, 404, 200);
        assertThat(d.attempts()).extracting(WebhookAttempt::numRetry).containsExactly(null, 1, 2);
    }

    @Test
    void aSlowAnswerCountsAsAFailure() throws Exception {
        receiver.answer(new WebhookReceiver.Answer(200, 600));
        start(hooked().webhookTimeout(Duration.ofMillis(200)));

        sandbox.actAs(NGHIA).writes("Chậm");

        receiver.await(2, WAIT);
        assertThat(sandbox.webhooks().awaitIdle(WAIT)).isTrue();
        WebhookDelivery d = sandbox.webhooks().deliveries().get(0);
        assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(d.attempts().get(0).httpStatus()).isZero();
        assertThat(d.attempts().get(0).error()).contains("no answer within 200 ms");
        assertThat(d.attempts().get(1).succeeded()).isTrue();
    }

    @Test
    void afterFiveRetriesTheEventIsGivenUp() throws Exception {
        receiver.otherwise(503);
        start(hooked().webhookRetryScale(0.0001));

        sandbox.actAs(NGHIA).writes("Không ai nghe");

        List<WebhookReceiver.Received> all = receiver.await(6, WAIT);
        assertThat(sandbox.webhooks().awaitIdle(WAIT)).isTrue();
        assertThat(all).extracting(r -> r.header("num_retry")).containsExactly(null, "1", "2", "3", "4", "5");
        WebhookDelivery d = sandbox.webhooks().deliveries().get(0);
        assertThat(d.status()).isEqualTo(WebhookDelivery.Status.GIVEN_UP);
        assertThat(d.attempts()).hasSize(6);
        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(6);
    }

    @Test
    void onRequestAnEventIsSentTwiceAndAnyDeliveryCanBeSentAgain() throws Exception {
        start(hooked());
        sandbox.webhooks().duplicateNext(1);

        sandbox.actAs(NGHIA).writes("Hai lần");
        sandbox.actAs(NGHIA).writes("Một lần");
        List<WebhookReceiver.Received> all = receiver.await(3, WAIT);
        assertThat(sandbox.webhooks().awaitIdle(WAIT)).isTrue();

        List<String> texts = all.stream().map(r -> r.json().get("message").get("text").asText()).toList();
        assertThat(texts).containsExactlyInAnyOrder("Hai lần", "Hai lần", "Một lần");
        List<WebhookReceiver.Received> twins = all.stream()
                .filter(r -> r.json().get("message").get("text").asText().equals("Hai lần")).toList();
        assertThat(twins.get(0).body()).isEqualTo(twins.get(1).body());
        assertThat(twins.get(0).header("X-ZEvent-Signature")).isEqualTo(twins.get(1).header("X-ZEvent-Signature"));
        List<WebhookDelivery> log = sandbox.webhooks().deliveries();
        assertThat(log).hasSize(3);
        assertThat(log.get(1).duplicateOf()).isEqualTo(log.get(0).id());

        WebhookDelivery again = sandbox.webhooks().redeliver(log.get(2).id());

        assertThat(receiver.await(4, WAIT).get(3).body()).isEqualTo(log.get(2).event().body());
        assertThat(again.duplicateOf()).isEqualTo(log.get(2).id());
    }

    @Test
    void onRequestABatchIsDeliveredInReverseOrder() throws Exception {
        start(hooked().webhookConcurrency(1));
        sandbox.webhooks().reverseNext(3);

        List<String> sent = new ArrayList<>();
        for (String text : new String[] { "một", "hai", "ba" }) {
            sent.add(sandbox.actAs(NGHIA).writes(text));
        }
        sandbox.actAs(NGHIA).writes("bốn");

        List<WebhookReceiver.Received> all = receiver.await(4, WAIT);
        assertThat(all).extracting(r -> r.json().get("message").get("text").asText())
                .containsExactly("ba", "hai", "một", "bốn");
    }

    @Test
    void withoutAUrlNoEventIsMadeUntilOneIsSetOverHttp() throws Exception {
        start(zaloBuilder().webhookRetryScale(0.001));
        sandbox.actAs(NGHIA).writes("Không ai nghe");
        assertThat(sandbox.webhooks().deliveries()).isEmpty();

        Answer put = call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/webhooks"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url() + "\"}")).build());
        sandbox.actAs(NGHIA).writes("Có người nghe");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.text("url")).isEqualTo(receiver.url());
        assertThat(receiver.await(1, WAIT).get(0).json().get("message").get("text").asText())
                .isEqualTo("Có người nghe");
    }

    @Test
    void theAdminCallsActAsTheCustomerAndShowTheLog() throws Exception {
        start(hooked());

        Answer text = post("/sandbox/customers/" + NGHIA + "/messages", null, "{\"text\":\"Xin chào shop\"}");
        Answer image = post("/sandbox/customers/" + NGHIA + "/messages", null,
                "{\"type\":\"image\",\"url\":\"https://cdn.example.vn/x.jpg\"}");
        Answer follow = post("/sandbox/customers/" + BICH + "/follow", null, "{\"source\":\"chat\"}");
        Answer bad = post("/sandbox/customers/" + NGHIA + "/messages", null, "{\"type\":\"hologram\"}");
        Answer unknown = post("/sandbox/customers/0961111111/messages", null, "{\"text\":\"x\"}");
        receiver.await(3, WAIT);
        assertThat(sandbox.webhooks().awaitIdle(WAIT)).isTrue();
        Answer log = get("/sandbox/webhooks");
        Answer conversation = get("/sandbox/customers/" + NGHIA + "/conversation");

        assertThat(text.status()).isEqualTo(200);
        assertThat(text.text("msg_id")).hasSize(32);
        assertThat(image.status()).isEqualTo(200);
        assertThat(follow.json().get("follows").asBoolean()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(log.text("url")).isEqualTo(receiver.url());
        JsonNode deliveries = log.json().get("deliveries");
        assertThat(deliveries).extracting(d -> d.get("event_name").asText())
                .containsExactly("user_send_text", "user_send_image", "follow");
        assertThat(deliveries.get(0).get("status").asText()).isEqualTo("delivered");
        assertThat(deliveries.get(0).get("attempts").get(0).get("http_status").asInt()).isEqualTo(200);
        assertThat(deliveries.get(0).get("body").get("message").get("text").asText()).isEqualTo("Xin chào shop");
        assertThat(deliveries.get(0).get("msg_id").asText()).isEqualTo(text.text("msg_id"));
        JsonNode messages = conversation.json().get("messages");
        assertThat(messages).extracting(m -> m.get("direction").asText() + ":" + m.get("format").asText())
                .containsExactly("from_customer:text", "from_customer:image");
    }

    @Test
    void theConversationHoldsBothDirectionsInOrder() throws Exception {
        start(hooked().deliveryReceipts(false));
        String token = sandbox.issueTokens(OA).accessToken();

        String question = sandbox.actAs(CUONG).writes("Shop còn hàng không?");
        String answer = sendOa("cs", token, "8941234567136205", "{\"text\":\"Dạ còn ạ\",\"quote_message_id\":\""
                                                                + question + "\"}").data().get("message_id").asText();
        sandbox.actAs(CUONG).sees();

        List<ConversationEntry> c = sandbox.conversations().of(CUONG);
        assertThat(c).extracting(ConversationEntry::msgId).containsExactly(question, answer);
        assertThat(c).extracting(ConversationEntry::direction).containsExactly(
                ConversationEntry.Direction.FROM_CUSTOMER, ConversationEntry.Direction.FROM_OA);
        assertThat(c.get(1).quotaType()).as("Cường's message opened the free replies").isEqualTo("reply");
        assertThat(c.get(1).deliveredAt()).isEqualTo(clock.now());
        assertThat(c.get(1).seenAt()).isEqualTo(clock.now());
    }

    private static JsonNode find(List<WebhookReceiver.Received> all, String event) {
        return all.stream().map(WebhookReceiver.Received::json)
                .filter(e -> e.get("event_name").asText().equals(event)).findFirst().orElseThrow();
    }
}
