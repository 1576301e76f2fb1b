package io.github.camelzalo.component.zalo.model.event;

import java.time.Instant;

/**
 * An event Zalo sent to the app's webhook, verified and de-duplicated: the body {@code from("zalo:events")} gives a
 * route. Kinds a route uses often come as a subclass with their details ({@link MessageEvent}, {@link FollowEvent},
 * {@link DeliveryEvent}, {@link SeenEvent}, {@link UserInfoEvent}, {@link ReactionEvent}, {@link FeedbackEvent}); any
 * other event, including names Zalo adds later, comes as this class with its JSON in {@link #getRawJson()}.
 * <p>
 * {@link #toString()} names the event and its ids, never a text a customer wrote.
 */
public class ZaloEvent {

    private String eventName;
    private String appId;
    private String oaId;
    private String userId;
    private String userIdByApp;
    private String messageId;
    private Instant timestamp;
    private String rawJson;

    /** {@code user_send_text}, {@code follow}, {@code user_received_message}, … as Zalo names it. */
    public String getEventName() {
        return eventName;
    }

    public void setEventName(String eventName) {
        this.eventName = eventName;
    }

    /** The Zalo app the event was sent to ({@code app_id}). */
    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** The OA the event is about: the recipient of a user's message, the sender of the OA's own. */
    public String getOaId() {
        return oaId;
    }

    public void setOaId(String oaId) {
        this.oaId = oaId;
    }

    /**
     * The user the event is about, as the OA knows them: the sender of a message, the follower, the recipient of a
     * delivered or seen message. It is what {@code zalo:send} reads from {@code CamelZaloUserId} to answer.
     */
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    /** The user's id at the app ({@code user_id_by_app}), the same for every OA of the app; may be absent. */
    public String getUserIdByApp() {
        return userIdByApp;
    }

    public void setUserIdByApp(String userIdByApp) {
        this.userIdByApp = userIdByApp;
    }

    /** {@code message.msg_id}: the message the event is about, or {@code null} when the event has none. */
    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    /** When Zalo says the event happened ({@code timestamp}, epoch milliseconds). */
    public Instant getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Instant timestamp) {
        this.timestamp = timestamp;
    }

    /** The body exactly as Zalo sent it (UTF-8), for fields this class has no getter for. */
    public String getRawJson() {
        return rawJson;
    }

    public void setRawJson(String rawJson) {
        this.rawJson = rawJson;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + eventName + ", oa " + oaId + ", user " + userId
               + (messageId != null ? ", message " + messageId : "") + ", at " + timestamp + "]";
    }
}
