package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Acts as one customer towards one OA, as a person on Zalo would: writes, sends media, follows, unfollows, reads.
 * Each action updates the directory (a message restarts the 7-day window and the 8 free replies, as
 * {@link CustomerDirectory#recordUserMessage(String)} does), joins the conversation, and is delivered to the webhook
 * as Zalo's event, signed with the OA's secret key. Get one from {@link ZaloSandbox#actAs(String)}.
 */
public final class CustomerActions {

    private final String phone;
    private final String oaId;
    private final CustomerDirectory directory;
    private final Conversations conversations;
    private final ZaloEvents events;
    private final Webhooks webhooks;
    private final SandboxClock clock;

    CustomerActions(String phone, String oaId, CustomerDirectory directory, Conversations conversations,
                    ZaloEvents events, Webhooks webhooks, SandboxClock clock) {
        this.phone = phone;
        this.oaId = oaId;
        this.directory = directory;
        this.conversations = conversations;
        this.events = events;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The customer writes a text to the OA ({@code user_send_text}); returns its {@code msg_id}. */
    public String writes(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The text must not be empty");
        }
        if (text.codePointCount(0, text.length()) > OaMessageParser.MAX_TEXT) {
            throw new IllegalArgumentException("A Zalo text has at most " + OaMessageParser.MAX_TEXT + " characters");
        }
        return send("text", text, id -> events.userSendText(oaId, zaloId(), id, text, clock.now()));
    }

    /** The customer sends a photo ({@code user_send_image}). */
    public String sendsImage(String url) {
        return media("image", null, payload("url", url, "thumbnail", url));
    }

    /** The customer sends a GIF ({@code user_send_gif}). */
    public String sendsGif(String url) {
        return media("gif", null, payload("url", url, "thumbnail", url));
    }

    /** The customer sends a sticker ({@code user_send_sticker}). */
    public String sendsSticker(String url) {
        return media("sticker", null, payload("url", url));
    }

    /** The customer sends a file ({@code user_send_file}); {@code size} in bytes. */
    public String sendsFile(String url, String name, long size) {
        return media("file", null, payload("url", url, "name", name, "size", Long.toString(size)));
    }

    /** The customer sends a voice message ({@code user_send_audio}). */
    public String sendsAudio(String url) {
        return media("audio", null, payload("url", url));
    }

    /** The customer sends a video ({@code user_send_video}). */
    public String sendsVideo(String url) {
        return media("video", null, payload("url", url, "thumbnail", url));
    }

    /** The customer shares a link ({@code user_send_link}). */
    public String sendsLink(String url) {
        return media("link", null, payload("url", url, "thumbnail", url));
    }

    /** The customer shares a location ({@code user_send_location}). */
    public String sendsLocation(double latitude, double longitude) {
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.put("latitude", Double.toString(latitude));
        coordinates.put("longitude", Double.toString(longitude));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("coordinates", coordinates);
        return media("location", null, payload);
    }

    /** The customer follows the OA ({@code follow}), e.g. from {@code oa_profile} or {@code qr_code}. */
    public void follows(String source) {
        Customer c = directory.setFollowing(customer().phone(), true);
        webhooks.publish(events.follow(oaId, c.zaloId(), true, source, clock.now()));
    }

    /** The customer follows the OA from its profile page. */
    public void follows() {
        follows("oa_profile");
    }

    /** The customer unfollows the OA ({@code unfollow}). */
    public void unfollows() {
        Customer c = directory.setFollowing(customer().phone(), false);
        webhooks.publish(events.follow(oaId, c.zaloId(), false, "oa_profile", clock.now()));
    }

    /** The customer reads every OA message not seen yet ({@code user_seen_message}); returns their ids. */
    public List<String> sees() {
        return sees(conversations.unseen(customer().phone(), oaId));
    }

    /** The customer reads these messages ({@code user_seen_message}); returns those not seen before. */
    public List<String> sees(List<String> msgIds) {
        Customer c = customer();
        List<String> seen = conversations.markSeen(msgIds, clock.now());
        if (!seen.isEmpty()) {
            webhooks.publish(events.seen(oaId, c.zaloId(), seen, clock.now()));
        }
        return seen;
    }

    private String media(String kind, String caption, Map<String, Object> payload) {
        return send(kind, caption, id -> events.userSendMedia(oaId, zaloId(), id, kind, caption, payload,
                clock.now()));
    }

    private String send(String format, String text, Function<String, WebhookEvent> event) {
        String msgId = UUID.randomUUID().toString().replace("-", "");
        WebhookEvent e;
        synchronized (directory) {
            Customer c = customer();
            Instant now = clock.now();
            directory.recordUserMessage(c.phone(), now);
            e = event.apply(msgId);
            String detail = SandboxJson.parse(e.json()).get("message").toString();
            conversations.add(c.phone(), new ConversationEntry(now, ConversationEntry.Direction.FROM_CUSTOMER, msgId,
                    oaId, ConversationEntry.PROVIDER_CUSTOMER, format, text, detail, null, null, null));
        }
        webhooks.publish(e);
        return msgId;
    }

    private String zaloId() {
        return customer().zaloId();
    }

    private Customer customer() {
        Customer c = directory.find(phone).orElseThrow(() -> new IllegalArgumentException(
                "No customer with phone number " + PhoneNumbers.mask(phone)));
        if (!c.onZalo()) {
            throw new IllegalArgumentException("Customer " + PhoneNumbers.mask(c.phone()) + " has no Zalo account");
        }
        return c;
    }

    private static Map<String, Object> payload(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] == null || kv[i + 1].isBlank()) {
                throw new IllegalArgumentException(kv[i] + " must not be empty");
            }
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
