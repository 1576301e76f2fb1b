package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 7-day window, the 8 free replies within 48 h, the package's sub_quota, and the status that predicts them. */
class ConsultationRulesTest extends SandboxFixture {

    @BeforeEach
    void startSandbox() {
        start(builder());
    }

    @Test
    void userStatusHasTheThirteenDocumentedFieldsInVietnamTime() {
        Answer a = userStatus(NGHIA);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("code")).isEqualTo("ok");
        JsonNode d = a.data();
        assertThat(d.size()).isEqualTo(13);
        assertThat(d.get("user_id").asText()).isEqualTo("631292");
        assertThat(d.get("username").asText()).isEqualTo("Nguyễn Trọng Nghĩa");
        assertThat(d.get("zalo_psid").asText()).isEqualTo(NGHIA_ZALO);
        assertThat(d.get("following_status").asBoolean()).isTrue();
        assertThat(d.get("last_user_activity_time").asText()).isEqualTo("2026-03-02 07:00:00");
        assertThat(d.get("can_send_consultation_message").asBoolean()).isTrue();
        assertThat(d.get("consultation_message_expired_time").asText()).isEqualTo("2026-03-09 07:00:00");
        assertThat(d.get("consultation_message_free_remain").asInt()).isEqualTo(8);
        assertThat(d.get("can_send_transaction_message").asBoolean()).isTrue();
        assertThat(d.get("can_send_promotion_message").asBoolean()).isTrue();
        assertThat(d.get("can_call_zcc_by_phone").asBoolean()).isFalse();
        assertThat(d.get("can_call_zcc_by_zalo_id").asBoolean()).isTrue();
        assertThat(d.get("can_send_zns").asBoolean()).isTrue();
    }

    @Test
    void eightFreeRepliesThenTheSubQuotaThenOutOfQuota() {
        for (int i = 1; i <= 8; i++) {
            assertThat(sendText(NGHIA, "Trả lời " + i).text("code")).isEqualTo("ok");
            assertThat(lastSent().quotaType()).isEqualTo("reply");
            assertThat(lastSent().quotaRemain()).isEqualTo(8L - i);
            assertThat(userStatus(NGHIA).data().get("consultation_message_free_remain").asInt()).isEqualTo(8 - i);
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(userStatus(NGHIA).data().get("can_send_consultation_message").asBoolean()).isTrue();
            assertThat(sendText(NGHIA, "Gói " + i).text("code")).isEqualTo("ok");
            assertThat(lastSent().quotaType()).isEqualTo("sub_quota");
            assertThat(lastSent().quotaRemain()).isEqualTo(3L - i);
            assertThat(lastSent().quotaTotal()).isEqualTo(3L);
        }
        assertThat(userStatus(NGHIA).data().get("can_send_consultation_message").asBoolean()).isFalse();

        Answer refused = sendText(NGHIA, "Một tin nữa");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text("code")).isEqualTo("errors");
        assertThat(refused.text("message")).contains("-211");
        assertThat(sandbox.outbox().size()).isEqualTo(11);
        assertThat(sandbox.outbox().countByQuota()).containsEntry("reply", 8L).containsEntry("sub_quota", 3L);
        assertThat(sandbox.oa().subQuotaRemaining()).isZero();
    }

    @Test
    void aNewUserMessageRestartsTheFreeReplies() {
        assertThat(userStatus(HA).data().get("consultation_message_free_remain").asInt()).isZero();
        sendText(HA, "Gói");
        assertThat(lastSent().quotaType()).isEqualTo("sub_quota");

        clock.advance(Duration.ofHours(1));
        sandbox.userMessage(HA);

        JsonNode d = userStatus(HA).data();
        assertThat(d.get("consultation_message_free_remain").asInt()).isEqualTo(8);
        assertThat(d.get("last_user_activity_time").asText()).isEqualTo("2026-03-02 10:00:00");
        assertThat(d.get("consultation_message_expired_time").asText()).isEqualTo("2026-03-09 10:00:00");
        sendText(HA, "Miễn phí");
        assertThat(lastSent().quotaType()).isEqualTo("reply");
        assertThat(lastSent().quotaRemain()).isEqualTo(7L);
    }

    @Test
    void theFreeRepliesEnd48HoursAfterTheUsersMessage() {
        clock.advance(Duration.ofHours(46).minusSeconds(1)); // 47:59:59 after Nghĩa's message
        assertThat(userStatus(NGHIA).data().get("consultation_message_free_remain").asInt()).isEqualTo(8);
        sendText(NGHIA, "Vẫn miễn phí");
        assertThat(lastSent().quotaType()).isEqualTo("reply");

        clock.advance(Duration.ofSeconds(1));

        assertThat(userStatus(NGHIA).data().get("consultation_message_free_remain").asInt()).isZero();
        assertThat(userStatus(NGHIA).data().get("can_send_consultation_message").asBoolean()).isTrue();
        sendText(NGHIA, "Trả bằng gói");
        assertThat(lastSent().quotaType()).isEqualTo("sub_quota");
    }

    @Test
    void theWindowClosesSevenDaysAfterTheUsersMessage() {
        clock.advance(Duration.ofDays(7).minusHours(2).minusSeconds(1));
        assertThat(userStatus(NGHIA).data().get("can_send_consultation_message").asBoolean()).isTrue();
        assertThat(sendText(NGHIA, "Kịp").text("code")).isEqualTo("ok");

        clock.advance(Duration.ofSeconds(1));

        JsonNode d = userStatus(NGHIA).data();
        assertThat(d.get("can_send_consultation_message").asBoolean()).isFalse();
        assertThat(d.get("consultation_message_expired_time").isNull()).isTrue();
        assertThat(d.get("consultation_message_free_remain").asInt()).isZero();
        assertThat(d.get("last_user_activity_time").asText()).isEqualTo("2026-03-02 07:00:00");
        Answer text = sendText(NGHIA, "Muộn");
        assertThat(text.text("code")).isEqualTo("errors");
        assertThat(text.text("message")).contains("-230");
        Answer image = sendImage(NGHIA_ZALO, "https://cdn.example.vn/a.png");
        assertThat(image.status()).isEqualTo(400);
        assertThat(image.text("code")).isEqualTo("failed_precondition");
        assertThat(image.text("msg")).contains("-230");
        assertThat(sandbox.outbox().size()).isEqualTo(1);
    }

    @Test
    void neverInteractedAndNotOnZaloAreRefused() {
        JsonNode cuong = userStatus(CUONG).data();
        assertThat(cuong.get("last_user_activity_time").isNull()).isTrue();
        assertThat(cuong.get("can_send_consultation_message").asBoolean()).isFalse();
        assertThat(sendText(CUONG, "Chào").text("message")).contains("-232");

        JsonNode khanh = userStatus(KHANH).data();
        assertThat(khanh.get("zalo_psid").isNull()).isTrue();
        assertThat(khanh.get("following_status").asBoolean()).isFalse();
        assertThat(khanh.get("can_send_zns").asBoolean()).isFalse();
        assertThat(khanh.get("can_send_transaction_message").asBoolean()).isFalse();
        assertThat(sendText(KHANH, "Chào").text("message")).contains("no Zalo account");
        assertThat(sandbox.outbox().size()).isZero();
    }

    @Test
    void imagesPayWithTheSameQuotaAndAnswerWithIt() {
        sendText(NGHIA, "Một");

        Answer a = sendImage(NGHIA_ZALO, "https://cdn.example.vn/khuyen-mai.png");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("msg_id")).hasSize(32);
        assertThat(a.text("oa_id")).isEqualTo(OA);
        assertThat(a.text("zl_user_id")).isEqualTo(NGHIA_ZALO);
        assertThat(a.text("recipient_id")).isEqualTo(NGHIA_ZALO);
        assertThat(a.text("type")).isEqualTo("photo");
        JsonNode q = a.json().get("quota");
        assertThat(q.get("quota_type").asText()).isEqualTo("reply");
        assertThat(q.get("remain").isTextual()).isTrue();
        assertThat(q.get("remain").asText()).isEqualTo("6");
        assertThat(q.get("total").asText()).isEqualTo("8");
        assertThat(q.get("owner_type").asText()).isEqualTo("OA");
        assertThat(q.get("expired_date").asText()).isEqualTo("2026-03-04T07:00:00+07:00");
        OutboxMessage m = lastSent();
        assertThat(m.provider()).isEqualTo("etelecom");
        assertThat(m.format()).isEqualTo("image");
        assertThat(m.imageUrl()).isEqualTo("https://cdn.example.vn/khuyen-mai.png");
        assertThat(m.phone()).isEqualTo(NGHIA);
    }

    @Test
    void everyWrittenFormOfAPhoneNumberFindsTheCustomer() {
        for (String written : new String[] { "84981234980", "+84981234980", "+84 98 123 4980", "098.123.4980" }) {
            assertThat(userStatus(written).data().get("user_id").asText()).as(written).isEqualTo("631292");
        }
        assertThat(sendText("84981234980", "Chào").text("code")).isEqualTo("ok");
        assertThat(lastSent().phone()).isEqualTo(NGHIA);
    }

    @Test
    void anUnknownCustomerIsAnError() {
        Answer a = userStatus("0961111111");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).contains("No customer").contains("096****111");
    }

    @Test
    void theStatusAlwaysPredictsWhatASendDoes() {
        String[] everyone = { NGHIA, BICH, DUC, HA, CUONG, KHANH };
        // at several moments, through the end of the free replies and of the package, every flag of the status
        // asked just before a send must match that send's outcome
        for (Duration step : new Duration[] { Duration.ZERO, Duration.ofDays(1), Duration.ofDays(2),
                Duration.ofDays(3), Duration.ofDays(40) }) {
            clock.advance(step);
            for (String phone : everyone) {
                for (int i = 0; i < 4; i++) {
                    checkAgreement(phone, "can_send_consultation_message", () -> sendText(phone, "Tư vấn"));
                }
                checkAgreement(phone, "can_send_transaction_message",
                        () -> sendScript(phone, SCRIPT_ORDER, "{\"username\":\"A\",\"order_id\":\"1\"}"));
                checkAgreement(phone, "can_send_promotion_message",
                        () -> sendScript(phone, SCRIPT_PROMO, "{\"discount\":\"10%\"}"));
            }
        }
        assertThat(sandbox.outbox().countByQuota()).containsKeys("reply", "sub_quota", "none");
    }

    private void checkAgreement(String phone, String flag, Supplier<Answer> send) {
        boolean allowed = userStatus(phone).data().get(flag).asBoolean();
        Answer a = send.get();
        assertThat(a.status()).isEqualTo(200);
        assertThat("ok".equals(a.text("code"))).as(phone + " " + flag + " at " + clock.now() + ": " + a.json())
                .isEqualTo(allowed);
    }
}
