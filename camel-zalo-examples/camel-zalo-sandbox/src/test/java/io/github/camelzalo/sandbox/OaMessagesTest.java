package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v3.0/oa/message/{cs|transaction|promotion}}: tokens, every message kind, Zalo's rules and codes. */
class OaMessagesTest extends ZaloApiFixture {

    static final String DUC_ZALO = "8941234567136203";
    static final String HA_ZALO = "8941234567136204";
    static final String CUONG_ZALO = "8941234567136205";

    String token;

    void startWith(ZaloSandbox.Builder b) {
        start(b);
        token = sandbox.issueTokens(OA).accessToken();
    }

    static String image(String url) {
        return "{\"text\":\"Ảnh đơn hàng\",\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
               + "\"media\",\"elements\":[{\"media_type\":\"image\",\"url\":\"" + url + "\"}]}}}";
    }

    static String media(String mediaType, String attachmentId) {
        return "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"media\",\"elements\":"
               + "[{\"media_type\":\"" + mediaType + "\",\"attachment_id\":\"" + attachmentId + "\"}]}}}";
    }

    static String buttons(String... buttons) {
        return "{\"text\":\"Chọn một\",\"attachment\":{\"type\":\"template\",\"payload\":{\"buttons\":["
               + String.join(",", buttons) + "]}}}";
    }

    static final String URL_BUTTON = "{\"title\":\"Xem đơn\",\"type\":\"oa.open.url\",\"payload\":{\"url\":"
                                     + "\"https://shop.example.vn/don/1\"}}";

    static String template(String templateType, String elements) {
        return "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"" + templateType
               + "\",\"language\":\"VI\",\"elements\":" + elements + ",\"buttons\":[" + URL_BUTTON + "]}}}";
    }

    static final String ORDER_ELEMENTS = "[{\"type\":\"banner\",\"image_url\":\"https://cdn.example.vn/b.png\"},"
                                         + "{\"type\":\"header\",\"content\":\"Đơn hàng đã giao\",\"align\":\"left\"},"
                                         + "{\"type\":\"text\",\"content\":\"Cảm ơn quý khách\"},"
                                         + "{\"type\":\"table\",\"content\":[{\"key\":\"Mã đơn\",\"value\":\"1024\"}]}]";

    @Test
    void aTextInTheWindowIsSentOnTheFreeRepliesAndAnsweredInZalosShape() {
        startWith(zaloBuilder());

        Answer a = sendOa("cs", token, NGHIA_ZALO, text("Chào anh Nghĩa"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(error(a)).isZero();
        assertThat(a.text("message")).isEqualTo("Success");
        JsonNode d = a.data();
        assertThat(d.get("message_id").asText()).hasSize(32);
        assertThat(d.get("user_id").asText()).isEqualTo(NGHIA_ZALO);
        JsonNode q = d.get("quota");
        assertThat(q.get("quota_type").asText()).isEqualTo("reply");
        assertThat(q.get("remain").isTextual()).isTrue();
        assertThat(q.get("remain").asText()).isEqualTo("7");
        assertThat(q.get("total").asText()).isEqualTo("8");
        assertThat(q.get("owner_type").asText()).isEqualTo("OA");
        assertThat(q.get("owner_id").asText()).isEqualTo(OA);
        assertThat(q.get("expired_date").asText()).isEqualTo("2026-03-04T07:00:00+07:00");
        assertThat(a.raw().headers().firstValue("X-RateLimit-Limit")).hasValue("4000");
        assertThat(a.raw().headers().firstValue("X-RateLimit-Remain")).hasValue("3999");
        OutboxMessage m = lastSent();
        assertThat(m).extracting(OutboxMessage::msgId, OutboxMessage::provider, OutboxMessage::type,
                OutboxMessage::format, OutboxMessage::text, OutboxMessage::quotaType, OutboxMessage::phone)
                .containsExactly(d.get("message_id").asText(), "zalo", MessageType.CONSULTATION, "text",
                        "Chào anh Nghĩa", "reply", NGHIA);
        assertThat(SandboxJson.parse(m.detail()).get("text").asText()).isEqualTo("Chào anh Nghĩa");
        assertThat(sandbox.conversations().of(NGHIA)).extracting(ConversationEntry::msgId)
                .containsExactly(m.msgId());
    }

    @Test
    void aMissingUnknownOrEndedTokenIsMinus216AndAnExpiredOneMinus220() {
        startWith(zaloBuilder());
        TokenPair old = sandbox.oauth().currentTokens(OA).orElseThrow();
        refresh(old.refreshToken());
        String fresh = sandbox.oauth().currentTokens(OA).orElseThrow().accessToken();

        Answer missing = sendOa("cs", null, NGHIA_ZALO, text("x"));
        Answer unknown = sendOa("cs", "not-a-token", NGHIA_ZALO, text("x"));
        Answer ended = sendOa("cs", old.accessToken(), NGHIA_ZALO, text("x"));
        clock.advance(Duration.ofHours(25));
        Answer expired = sendOa("cs", fresh, NGHIA_ZALO, text("x"));

        assertThat(List.of(missing, unknown, ended, expired)).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(error(missing)).isEqualTo(-216);
        assertThat(error(unknown)).isEqualTo(-216);
        assertThat(error(ended)).isEqualTo(-216);
        assertThat(error(expired)).isEqualTo(-220);
        assertThat(sandbox.outbox().size()).isZero();
        assertThat(sandbox.stats().unauthorized()).isEqualTo(4);
    }

    @Test
    void theConsultationRulesApplyWithZalosCodes() {
        startWith(zaloBuilder());

        assertThat(error(sendOa("cs", token, DUC_ZALO, text("Muộn")))).isEqualTo(-230);
        assertThat(error(sendOa("cs", token, CUONG_ZALO, text("Chưa từng")))).isEqualTo(-232);
        for (int i = 1; i <= 3; i++) {
            Answer paid = sendOa("cs", token, HA_ZALO, text("Gói " + i));
            assertThat(paid.data().get("quota").get("quota_type").asText()).isEqualTo("sub_quota");
            assertThat(paid.data().get("quota").get("remain").asText()).isEqualTo(String.valueOf(3 - i));
        }
        Answer out = sendOa("cs", token, HA_ZALO, text("Hết"));

        assertThat(error(out)).isEqualTo(-211);
        assertThat(out.text("message")).doesNotStartWith("Zalo error").contains("quota");
        assertThat(sandbox.outbox().size()).isEqualTo(3);
    }

    @Test
    void textsAreCheckedForPresenceLengthAndRecipient() {
        startWith(zaloBuilder());
        String longest = "ệ".repeat(1999) + "😀"; // 2000 code points, 2001 chars

        assertThat(error(sendOa("cs", token, NGHIA_ZALO, text(longest)))).isZero();
        Answer tooLong = sendOa("cs", token, NGHIA_ZALO, text(longest + "a"));
        Answer empty = sendOa("cs", token, NGHIA_ZALO, text(" "));
        Answer noRecipient = openApi("POST", "/v3.0/oa/message/cs", token, "{\"message\":{\"text\":\"x\"}}");
        Answer notDigits = sendOa("cs", token, "abc", text("x"));
        Answer unknownUser = sendOa("cs", token, "123456789", text("x"));
        Answer notJson = openApi("POST", "/v3.0/oa/message/cs", token, "{nope");

        assertThat(error(tooLong)).isEqualTo(-210);
        assertThat(tooLong.text("message")).contains("message.text").contains("2000");
        assertThat(error(empty)).isEqualTo(-201);
        assertThat(empty.text("message")).contains("message.text");
        assertThat(error(noRecipient)).isEqualTo(-201);
        assertThat(noRecipient.text("message")).contains("recipient");
        assertThat(error(notDigits)).isEqualTo(-201);
        assertThat(notDigits.text("message")).contains("recipient.user_id");
        assertThat(error(unknownUser)).isEqualTo(-201);
        assertThat(unknownUser.text("message")).contains("recipient.user_id").contains("123456789");
        assertThat(error(notJson)).isEqualTo(-201);
        assertThat(sandbox.outbox().size()).isEqualTo(1);
    }

    @Test
    void aReplyQuotesAMessageOfTheConversationUnderEitherName() {
        startWith(zaloBuilder());
        String first = sendOa("cs", token, NGHIA_ZALO, text("Một")).data().get("message_id").asText();
        String bichs = sendOa("cs", token, BICH_ZALO, text("Chị Bích")).data().get("message_id").asText();

        Answer quote = sendOa("cs", token, NGHIA_ZALO, "{\"text\":\"Trả lời\",\"quote_message_id\":\"" + first
                                                       + "\"}");
        Answer react = sendOa("cs", token, NGHIA_ZALO, "{\"text\":\"Trả lời\",\"react_message_id\":\"" + first
                                                       + "\"}");
        Answer unknown = sendOa("cs", token, NGHIA_ZALO, "{\"text\":\"x\",\"quote_message_id\":\"abc\"}");
        Answer otherConversation = sendOa("cs", token, NGHIA_ZALO, "{\"text\":\"x\",\"quote_message_id\":\""
                                                                   + bichs + "\"}");

        assertThat(error(quote)).isZero();
        assertThat(error(react)).isZero();
        assertThat(SandboxJson.parse(lastSent().detail()).get("react_message_id").asText()).isEqualTo(first);
        assertThat(error(unknown)).isEqualTo(-201);
        assertThat(unknown.text("message")).contains("quote_message_id");
        assertThat(error(otherConversation)).isEqualTo(-201);
    }

    @Test
    void imagesGoByUrlOrUploadAndGifsAndStickersByAttachmentId() {
        startWith(zaloBuilder());

        Answer byUrl = sendOa("cs", token, NGHIA_ZALO, image("https://cdn.example.vn/a.png"));
        OutboxMessage m = lastSent();
        Answer sticker = sendOa("cs", token, NGHIA_ZALO, media("sticker", "bfe458bf64fa8da4d4eb"));
        Answer both = sendOa("cs", token, NGHIA_ZALO, "{\"attachment\":{\"type\":\"template\",\"payload\":"
                                                      + "{\"template_type\":\"media\",\"elements\":[{\"media_type\":"
                                                      + "\"image\",\"url\":\"https://a.vn/x.png\",\"attachment_id\":"
                                                      + "\"x\"}]}}}");
        Answer notHttp = sendOa("cs", token, NGHIA_ZALO, image("ftp://a.vn/x.png"));
        Answer unknownUpload = sendOa("cs", token, NGHIA_ZALO, media("image", "nope"));
        Answer gifWithoutId = sendOa("cs", token, NGHIA_ZALO, "{\"attachment\":{\"type\":\"template\",\"payload\":"
                                                              + "{\"template_type\":\"media\",\"elements\":[{"
                                                              + "\"media_type\":\"gif\",\"url\":\"https://a.vn/x.gif"
                                                              + "\"}]}}}");
        Answer video = sendOa("cs", token, NGHIA_ZALO, media("video", "x"));

        assertThat(error(byUrl)).isZero();
        assertThat(m).extracting(OutboxMessage::format, OutboxMessage::imageUrl, OutboxMessage::text)
                .containsExactly("image", "https://cdn.example.vn/a.png", "Ảnh đơn hàng");
        assertThat(error(sticker)).isZero();
        assertThat(lastSent().format()).isEqualTo("sticker");
        assertThat(lastSent().attachmentId()).isEqualTo("bfe458bf64fa8da4d4eb");
        assertThat(error(both)).isEqualTo(-201);
        assertThat(both.text("message")).contains("exactly one of");
        assertThat(error(notHttp)).isEqualTo(-201);
        assertThat(error(unknownUpload)).isEqualTo(-201);
        assertThat(unknownUpload.text("message")).contains("attachment_id");
        assertThat(error(gifWithoutId)).isEqualTo(-201);
        assertThat(gifWithoutId.text("message")).contains("attachment_id");
        assertThat(error(video)).isEqualTo(-201);
        assertThat(video.text("message")).contains("media_type");
    }

    @Test
    void buttonsAreCheckedByType() {
        startWith(zaloBuilder());

        Answer ok = sendOa("cs", token, NGHIA_ZALO, buttons(URL_BUTTON,
                "{\"title\":\"Hỏi\",\"type\":\"oa.query.show\",\"payload\":\"#don\"}",
                "{\"title\":\"Gọi\",\"type\":\"oa.open.phone\",\"payload\":{\"phone_code\":\"0981234980\"}}",
                "{\"title\":\"SMS\",\"type\":\"oa.open.sms\",\"payload\":{\"phone_code\":\"0981234980\","
                + "\"content\":\"Xin chào\"}}",
                "{\"title\":\"Ẩn\",\"type\":\"oa.query.hide\",\"payload\":\"#an\"}"));
        Answer six = sendOa("cs", token, NGHIA_ZALO, buttons(URL_BUTTON, URL_BUTTON, URL_BUTTON, URL_BUTTON,
                URL_BUTTON, URL_BUTTON));
        Answer badType = sendOa("cs", token, NGHIA_ZALO, buttons("{\"title\":\"x\",\"type\":\"oa.open.app\","
                                                                 + "\"payload\":{}}"));
        Answer noUrl = sendOa("cs", token, NGHIA_ZALO, buttons("{\"title\":\"x\",\"type\":\"oa.open.url\","
                                                               + "\"payload\":{}}"));
        Answer smsWithoutContent = sendOa("cs", token, NGHIA_ZALO, buttons("{\"title\":\"x\",\"type\":"
                                                                           + "\"oa.open.sms\",\"payload\":{"
                                                                           + "\"phone_code\":\"1\"}}"));

        assertThat(error(ok)).isZero();
        assertThat(lastSent().format()).isEqualTo("buttons");
        assertThat(lastSent().text()).isEqualTo("Chọn một");
        assertThat(error(six)).isEqualTo(-210);
        assertThat(error(badType)).isEqualTo(-201);
        assertThat(badType.text("message")).contains("buttons[0].type");
        assertThat(error(noUrl)).isEqualTo(-201);
        assertThat(noUrl.text("message")).contains("buttons[0].payload.url");
        assertThat(error(smsWithoutContent)).isEqualTo(-201);
        assertThat(smsWithoutContent.text("message")).contains("payload.content");
    }

    @Test
    void aRequestForUserInfoNeedsTitleSubtitleAndImage() {
        startWith(zaloBuilder());
        String element = "{\"title\":\"Chia sẻ số điện thoại\",\"subtitle\":\"Để nhận thông báo đơn hàng\","
                         + "\"image_url\":\"https://cdn.example.vn/i.png\"}";
        String message = "{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
                         + "\"request_user_info\",\"elements\":[%s]}}}";

        Answer ok = sendOa("cs", token, NGHIA_ZALO, message.formatted(element));
        Answer noSubtitle = sendOa("cs", token, NGHIA_ZALO, message.formatted(
                "{\"title\":\"x\",\"image_url\":\"https://cdn.example.vn/i.png\"}"));

        assertThat(error(ok)).isZero();
        assertThat(lastSent().format()).isEqualTo("request_user_info");
        assertThat(lastSent().text()).isEqualTo("Chia sẻ số điện thoại\nĐể nhận thông báo đơn hàng");
        assertThat(error(noSubtitle)).isEqualTo(-201);
        assertThat(noSubtitle.text("message")).contains("elements[0].subtitle");
    }

    @Test
    void eachEndpointTakesOnlyItsOwnMessageKind() {
        startWith(zaloBuilder());

        assertThat(error(sendOa("transaction", token, NGHIA_ZALO, text("x")))).isEqualTo(-233);
        assertThat(error(sendOa("promotion", token, NGHIA_ZALO, text("x")))).isEqualTo(-233);
        assertThat(error(sendOa("cs", token, NGHIA_ZALO, template("transaction_order", ORDER_ELEMENTS))))
                .isEqualTo(-233);
        assertThat(error(sendOa("transaction", token, NGHIA_ZALO, template("promotion", ORDER_ELEMENTS))))
                .isEqualTo(-233);
        assertThat(error(sendOa("promotion", token, NGHIA_ZALO, template("transaction_billing",
                ORDER_ELEMENTS)))).isEqualTo(-233);
        assertThat(sandbox.outbox().size()).isZero();
    }

    @Test
    void transactionTemplatesNeedAFollowerOrAnInteractionWithin30Days() {
        startWith(zaloBuilder());
        sandbox.directory().put(new Customer("0961234567", "631300", "8941234567136299", "Ngô Lan", false,
                clock.now().minus(Duration.ofDays(31)), 0));

        Answer follower = sendOa("transaction", token, DUC_ZALO, template("transaction_order", ORDER_ELEMENTS));
        Answer wroteYesterday = sendOa("transaction", token, BICH_ZALO, template("transaction_booking",
                ORDER_ELEMENTS));
        Answer neither = sendOa("transaction", token, "8941234567136299", template("transaction_order",
                ORDER_ELEMENTS));

        assertThat(error(follower)).isZero();
        assertThat(follower.data().has("quota")).as("transactions use no consultation quota").isFalse();
        OutboxMessage m = sandbox.outbox().messagesTo(DUC).get(0);
        assertThat(m).extracting(OutboxMessage::type, OutboxMessage::format, OutboxMessage::quotaType,
                OutboxMessage::imageUrl).containsExactly(MessageType.TRANSACTION, "template", "none",
                        "https://cdn.example.vn/b.png");
        assertThat(m.text()).isEqualTo("Đơn hàng đã giao\nCảm ơn quý khách\nMã đơn: 1024");
        assertThat(error(wroteYesterday)).isZero();
        assertThat(error(neither)).isEqualTo(-213);
    }

    @Test
    void templateElementsAreCheckedOneByOne() {
        startWith(zaloBuilder());

        Answer noTable = sendOa("transaction", token, DUC_ZALO, template("transaction_order",
                "[{\"type\":\"table\"}]"));
        Answer badElement = sendOa("transaction", token, DUC_ZALO, template("transaction_order",
                "[{\"type\":\"video\"}]"));
        Answer bannerBoth = sendOa("transaction", token, DUC_ZALO, template("transaction_order",
                "[{\"type\":\"banner\",\"image_url\":\"https://a.vn/b.png\",\"attachment_id\":\"x\"}]"));
        Answer badAlign = sendOa("transaction", token, DUC_ZALO, template("transaction_order",
                "[{\"type\":\"header\",\"content\":\"x\",\"align\":\"middle\"}]"));
        Answer badLanguage = sendOa("transaction", token, DUC_ZALO, template("transaction_order", ORDER_ELEMENTS)
                .replace("\"VI\"", "\"FR\""));
        Answer unknownType = sendOa("transaction", token, DUC_ZALO, template("transaction_invoice",
                ORDER_ELEMENTS));

        assertThat(error(noTable)).isEqualTo(-201);
        assertThat(noTable.text("message")).contains("elements[0].content");
        assertThat(error(badElement)).isEqualTo(-201);
        assertThat(badElement.text("message")).contains("elements[0].type");
        assertThat(error(bannerBoth)).isEqualTo(-201);
        assertThat(error(badAlign)).isEqualTo(-201);
        assertThat(badAlign.text("message")).contains("align");
        assertThat(error(badLanguage)).isEqualTo(-201);
        assertThat(badLanguage.text("message")).contains("language");
        assertThat(error(unknownType)).isEqualTo(-201);
        assertThat(unknownType.text("message")).contains("template_type");
    }

    @Test
    void promotionsNeedAFollowerNotAtNightAndWithinThePerUserLimits() {
        clock = SandboxClock.frozen(LocalDateTime.of(2026, 3, 2, 21, 59, 59));
        startWith(zaloBuilder().promotionQuota(2, 3));
        String promo = template("promotion", ORDER_ELEMENTS);

        assertThat(error(sendOa("promotion", token, NGHIA_ZALO, promo))).isZero();
        assertThat(error(sendOa("promotion", token, BICH_ZALO, promo))).isEqualTo(-213);
        clock.advance(Duration.ofSeconds(1)); // 22:00
        Answer night = sendOa("promotion", token, NGHIA_ZALO, promo);
        clock.set(LocalDateTime.of(2026, 3, 3, 5, 59, 59).atZone(SandboxClock.VIETNAM).toInstant());
        Answer early = sendOa("promotion", token, NGHIA_ZALO, promo);
        clock.advance(Duration.ofSeconds(1)); // 06:00
        Answer morning = sendOa("promotion", token, NGHIA_ZALO, promo);
        Answer second = sendOa("promotion", token, NGHIA_ZALO, promo);
        Answer third = sendOa("promotion", token, NGHIA_ZALO, promo);
        clock.advance(Duration.ofDays(1));
        token = sandbox.issueTokens(OA).accessToken(); // the first one expired after 25 h
        Answer overMonth = sendOa("promotion", token, NGHIA_ZALO, promo);
        clock.set(LocalDateTime.of(2026, 4, 1, 9, 0).atZone(SandboxClock.VIETNAM).toInstant());
        token = sandbox.issueTokens(OA).accessToken();
        Answer nextMonth = sendOa("promotion", token, NGHIA_ZALO, promo);

        assertThat(error(night)).isEqualTo(-234);
        assertThat(error(early)).isEqualTo(-234);
        assertThat(error(morning)).isZero();
        assertThat(error(second)).isZero();
        assertThat(error(third)).isEqualTo(-218);
        assertThat(error(overMonth)).isEqualTo(-218);
        assertThat(error(nextMonth)).isZero();
        assertThat(sandbox.outbox().messages()).extracting(OutboxMessage::type).containsOnly(MessageType.PROMOTION)
                .hasSize(4);
    }

    @Test
    void theAppsCallsAreLimitedPerMinuteOnASlidingWindow() {
        startWith(zaloBuilder().zaloRateLimitPerMinute(3));

        assertThat(error(sendOa("cs", token, NGHIA_ZALO, text("1")))).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(error(sendOa("cs", token, NGHIA_ZALO, text("2")))).isZero();
        Answer third = sendOa("cs", token, NGHIA_ZALO, text("3"));
        Answer limited = sendOa("cs", token, NGHIA_ZALO, text("4"));
        clock.advance(Duration.ofSeconds(30)); // the first call leaves the window, the other two stay
        Answer again = sendOa("cs", token, NGHIA_ZALO, text("5"));
        Answer limitedAgain = sendOa("cs", token, NGHIA_ZALO, text("6"));

        assertThat(error(third)).isZero();
        assertThat(third.raw().headers().firstValue("X-RateLimit-Remain")).hasValue("0");
        assertThat(limited.status()).isEqualTo(200);
        assertThat(error(limited)).isEqualTo(-32);
        assertThat(error(again)).isZero();
        assertThat(error(limitedAgain)).isEqualTo(-32);
        assertThat(sandbox.zaloRateLimit()).isEqualTo(new ZaloRateLimit(3, 3, 0, 2));
        assertThat(sandbox.stats().zaloRateLimited()).isEqualTo(2);
        assertThat(sandbox.outbox().size()).isEqualTo(4);
    }

    @Test
    void eachOaSendsWithItsOwnTokenAndPackage() {
        startWith(zaloBuilder().officialAccount(OAuthTest.SECOND_OA, "s2"));
        String second = sandbox.issueTokens(OAuthTest.SECOND_OA).accessToken();

        Answer a = sendOa("cs", second, HA_ZALO, text("Từ OA thứ hai"));

        assertThat(a.data().get("quota").get("owner_id").asText()).isEqualTo(OAuthTest.SECOND_OA);
        assertThat(lastSent().oaId()).isEqualTo(OAuthTest.SECOND_OA);
        assertThat(sandbox.oa(OAuthTest.SECOND_OA).subQuotaRemaining()).isEqualTo(2);
        assertThat(sandbox.oa().subQuotaRemaining()).isEqualTo(3);
    }

    @Test
    void unknownPathsAndMethodsAreRefused() {
        startWith(zaloBuilder());

        Answer unknown = openApi("POST", "/v3.0/oa/message/broadcast", token, "{}");
        Answer get = openApi("GET", "/v3.0/oa/message/cs", token, null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(get.status()).isEqualTo(405);
        assertThat(error(get)).isEqualTo(-209);
    }
}
