package io.github.camelzalo.component.zalo.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.github.camelzalo.component.zalo.ZaloAppAccount;
import io.github.camelzalo.component.zalo.model.event.DeliveryEvent;
import io.github.camelzalo.component.zalo.model.event.EventAttachment;
import io.github.camelzalo.component.zalo.model.event.FeedbackEvent;
import io.github.camelzalo.component.zalo.model.event.FollowEvent;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import io.github.camelzalo.component.zalo.model.event.ReactionEvent;
import io.github.camelzalo.component.zalo.model.event.SeenEvent;
import io.github.camelzalo.component.zalo.model.event.UserInfoEvent;
import io.github.camelzalo.component.zalo.model.event.ZaloEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of event, in the shapes Zalo documents, read into its typed body: who the user and the OA are, the
 * de-duplication key, and the details a route uses.
 */
class EventReadingTest {

    private static ZaloEvent read(String json) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        EventEnvelope e = EventEnvelope.read(raw);
        assertThat(e).as(json).isNotNull();
        return EventFactory.create(e, raw);
    }

    @Test
    void aFollowNamesTheFollowerItsSourceAndHasAKeyOfUserAndTime() {
        String json = "{\"oa_id\":\"1600190000752846\",\"follower\":{\"id\":\"7001\"},\"user_id_by_app\":\"9001\","
                      + "\"event_name\":\"follow\",\"source\":\"qr_code\",\"app_id\":\"277\",\"timestamp\":\"1540363714987\"}";
        FollowEvent f = (FollowEvent) read(json);
        assertThat(f.isFollow()).isTrue();
        assertThat(f.getSource()).isEqualTo("qr_code");
        assertThat(f.getUserId()).isEqualTo("7001");
        assertThat(f.getOaId()).isEqualTo("1600190000752846");
        assertThat(f.getMessageId()).isNull();
        assertThat(f.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1540363714987L));
        assertThat(EventEnvelope.read(json.getBytes(StandardCharsets.UTF_8)).key())
                .isEqualTo("follow:1600190000752846:7001:1540363714987");
        FollowEvent u = (FollowEvent) read(json.replace("\"follow\"", "\"unfollow\""));
        assertThat(u.isFollow()).isFalse();
    }

    @Test
    void aDeliveryAndASeenEventAreAboutTheirRecipientAndTheOaThatSent() {
        DeliveryEvent d = (DeliveryEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"1600\"},\"recipient\":{\"id\":"
                                               + "\"7001\"},\"event_name\":\"user_received_message\",\"message\":{"
                                               + "\"msg_id\":\"m-9\",\"tracking_id\":\"t-1\"},\"timestamp\":1540363714987}");
        assertThat(d.getOaId()).isEqualTo("1600");
        assertThat(d.getUserId()).isEqualTo("7001");
        assertThat(d.getMessageId()).isEqualTo("m-9");
        assertThat(d.getTrackingId()).isEqualTo("t-1");
        SeenEvent s = (SeenEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"1600\"},\"recipient\":{\"id\":\"7001\"},"
                                       + "\"event_name\":\"user_seen_message\",\"message\":{\"msg_ids\":[\"m-1\",\"m-2\"]},"
                                       + "\"timestamp\":\"1540363714987\"}");
        assertThat(s.getMessageIds()).containsExactly("m-1", "m-2");
        assertThat(s.getOaId()).isEqualTo("1600");
        assertThat(s.getUserId()).isEqualTo("7001");
    }

    @Test
    void mediaMessagesCarryTheirAttachments() {
        MessageEvent m = (MessageEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"7001\"},\"recipient\":{\"id\":"
                                             + "\"1600\"},\"event_name\":\"user_send_file\",\"message\":{\"msg_id\":\"f-1\","
                                             + "\"attachments\":[{\"type\":\"file\",\"payload\":{\"url\":\"https://f/x.pdf\","
                                             + "\"name\":\"x.pdf\",\"size\":\"2048\"}},{\"type\":\"location\",\"payload\":{"
                                             + "\"coordinates\":{\"latitude\":\"10.77\",\"longitude\":106.69}}}, 7]},"
                                             + "\"timestamp\":\"1540363714987\"}");
        assertThat(m.getText()).isNull();
        List<EventAttachment> a = m.getAttachments();
        assertThat(a).hasSize(2);
        assertThat(a.get(0).getType()).isEqualTo("file");
        assertThat(a.get(0).getName()).isEqualTo("x.pdf");
        assertThat(a.get(0).getSize()).isEqualTo(2048L);
        assertThat(a.get(1).getLatitude()).isEqualTo(10.77);
        assertThat(a.get(1).getLongitude()).isEqualTo(106.69);
        assertThat(m.isFromOa()).isFalse();
        MessageEvent echo = (MessageEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"1600\"},\"recipient\":{\"id\":"
                                                + "\"7001\"},\"event_name\":\"oa_send_text\",\"message\":{\"msg_id\":\"o-1\","
                                                + "\"text\":\"Chào bạn\"},\"timestamp\":\"1540363714987\"}");
        assertThat(echo.isFromOa()).isTrue();
        assertThat(echo.getUserId()).isEqualTo("7001");
        assertThat(echo.getOaId()).isEqualTo("1600");
    }

    @Test
    void submittedInfoReactionsAndFeedbackAreTyped() {
        UserInfoEvent u = (UserInfoEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"7001\"},\"recipient\":{\"id\":"
                                               + "\"1600\"},\"event_name\":\"user_submit_info\",\"info\":{\"name\":\"Lan\","
                                               + "\"phone\":\"0981234980\",\"address\":\"12 Lê Lợi\",\"city\":\"HCM\","
                                               + "\"district\":\"1\"},\"timestamp\":\"1540363714987\"}");
        assertThat(u.getName()).isEqualTo("Lan");
        assertThat(u.getPhone()).isEqualTo("0981234980");
        assertThat(u.getCity()).isEqualTo("HCM");
        assertThat(u.toString()).contains("098****980").doesNotContain("0981234980", "Lan", "Lê Lợi");
        ReactionEvent r = (ReactionEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"7001\"},\"recipient\":{\"id\":"
                                               + "\"1600\"},\"event_name\":\"user_reacted_message\",\"message\":{"
                                               + "\"msg_id\":\"m-3\",\"react_icon\":\"/-heart\"},\"timestamp\":\"1\"}");
        assertThat(r.getReaction()).isEqualTo("/-heart");
        assertThat(r.getMessageId()).isEqualTo("m-3");
        FeedbackEvent f = (FeedbackEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":\"7001\"},\"recipient\":{\"id\":"
                                               + "\"1600\"},\"event_name\":\"user_feedback\",\"message\":{\"note\":\"tốt\","
                                               + "\"rate\":5,\"feedbacks\":[\"Nhanh\",\"Thân thiện\"],\"msg_id\":\"fb-1\"},"
                                               + "\"timestamp\":\"1\"}");
        assertThat(f.getRate()).isEqualTo(5);
        assertThat(f.getNote()).isEqualTo("tốt");
        assertThat(f.getFeedbacks()).containsExactly("Nhanh", "Thân thiện");
    }

    @Test
    void fieldsOfUnexpectedTypesAreLeftOutNotErrors() {
        MessageEvent m = (MessageEvent) read("{\"app_id\":\"277\",\"sender\":{\"id\":[1]},\"recipient\":\"x\","
                                             + "\"event_name\":\"user_send_text\",\"message\":{\"msg_id\":{},\"text\":5,"
                                             + "\"attachments\":\"none\"},\"timestamp\":\"1\"}");
        assertThat(m.getUserId()).isNull();
        assertThat(m.getOaId()).isNull();
        assertThat(m.getMessageId()).isNull();
        assertThat(m.getText()).isNull();
        assertThat(m.getAttachments()).isEmpty();
    }

    @Test
    void theSecretKeysOfSeveralOasAreReadPerOaAndTheirErrorsNameNoKey() {
        ZaloAppAccount app = new ZaloAppAccount();
        app.setOaSecretKey("zalo-secret-oa-aaaa1111");
        app.setOaSecretKeys("1600:zalo-secret-oaone-bbbb2222, 1600:zalo-secret-oaold-cccc3333,1700:zalo-secret-oatwo-dd44");
        OaSecretKeys keys = OaSecretKeys.of(app);
        assertThat(keys.of("1600")).extracting(k -> new String(k, StandardCharsets.UTF_8))
                .containsExactly("zalo-secret-oaone-bbbb2222", "zalo-secret-oaold-cccc3333");
        assertThat(keys.of("1800")).extracting(k -> new String(k, StandardCharsets.UTF_8))
                .containsExactly("zalo-secret-oa-aaaa1111");
        assertThat(keys.toString()).doesNotContain("zalo-secret");
        app.setOaSecretKeys("1600:zalo-secret-oaone-bbbb2222,zalo-secret-oanoid-eeee5555");
        assertThatThrownBy(() -> OaSecretKeys.of(app)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Entry 2 of zalo.oaSecretKeys").hasMessageNotContaining("zalo-secret");
        assertThat(app.toString()).doesNotContain("zalo-secret");
    }

    @Test
    void theSignatureIsSha256OfAppIdBodyTimestampAndKeyNotAnHmac() {
        // a known answer: printf '%s' '277{"a":1}1540363714987key' | sha256sum
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String expected = "mac=" + java.util.HexFormat.of().formatHex(
                EventSignature.digest("277", body, "1540363714987", "key".getBytes(StandardCharsets.UTF_8)));
        assertThat(expected).isEqualTo("mac=" + sha256Hex("277{\"a\":1}1540363714987key"));
        assertThat(EventSignature.matches(expected.toUpperCase().replace("MAC=", "mac="), "277", body,
                "1540363714987", List.of("key".getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(EventSignature.matches(expected, "277", body, "1540363714988",
                List.of("key".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(EventSignature.matches(expected.substring(4), "277", body, "1540363714987",
                List.of("key".getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
