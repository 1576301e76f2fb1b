package io.github.camelzalo.component.zalo.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelzalo.component.zalo.model.event.DeliveryEvent;
import io.github.camelzalo.component.zalo.model.event.EventAttachment;
import io.github.camelzalo.component.zalo.model.event.FeedbackEvent;
import io.github.camelzalo.component.zalo.model.event.FollowEvent;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import io.github.camelzalo.component.zalo.model.event.ReactionEvent;
import io.github.camelzalo.component.zalo.model.event.SeenEvent;
import io.github.camelzalo.component.zalo.model.event.UserInfoEvent;
import io.github.camelzalo.component.zalo.model.event.ZaloEvent;

import static io.github.camelzalo.component.zalo.events.EventEnvelope.scalar;

/**
 * The typed body of a verified event. Reads leniently: a field of an unexpected type is left out, never an error,
 * and an event name it does not know gives the base {@link ZaloEvent}.
 */
final class EventFactory {

    private EventFactory() {
    }

    static ZaloEvent create(EventEnvelope e, byte[] rawBody) {
        JsonNode tree = e.tree();
        JsonNode message = tree.path("message");
        String name = e.eventName();
        ZaloEvent event;
        if (name.equals("follow") || name.equals("unfollow")) {
            FollowEvent f = new FollowEvent();
            f.setSource(scalar(tree.get("source")));
            event = f;
        } else if (name.equals("user_received_message")) {
            DeliveryEvent d = new DeliveryEvent();
            d.setTrackingId(scalar(message.get("tracking_id")));
            event = d;
        } else if (name.equals("user_seen_message")) {
            SeenEvent s = new SeenEvent();
            s.setMessageIds(texts(message.get("msg_ids")));
            event = s;
        } else if (name.equals("user_submit_info")) {
            event = userInfo(tree.path("info"));
        } else if (name.endsWith("_reacted_message")) {
            ReactionEvent r = new ReactionEvent();
            r.setReaction(scalar(message.get("react_icon")));
            event = r;
        } else if (name.equals("user_feedback")) {
            event = feedback(message);
        } else if (name.startsWith("user_send_") || name.startsWith("oa_send_")) {
            MessageEvent m = new MessageEvent();
            JsonNode text = message.get("text");
            m.setText(text != null && text.isTextual() ? text.asText() : null);
            m.setAttachments(attachments(message.get("attachments")));
            event = m;
        } else {
            event = new ZaloEvent();
        }
        event.setEventName(name);
        event.setAppId(e.appId());
        event.setOaId(e.oaId());
        event.setUserId(e.userId());
        event.setUserIdByApp(scalar(tree.get("user_id_by_app")));
        event.setMessageId(e.messageId());
        event.setTimestamp(Instant.ofEpochMilli(e.millis()));
        event.setRawJson(new String(rawBody, StandardCharsets.UTF_8));
        return event;
    }

    private static UserInfoEvent userInfo(JsonNode info) {
        UserInfoEvent u = new UserInfoEvent();
        u.setName(scalar(info.get("name")));
        u.setPhone(scalar(info.get("phone")));
        u.setAddress(scalar(info.get("address")));
        u.setCity(scalar(info.get("city")));
        u.setDistrict(scalar(info.get("district")));
        u.setWard(scalar(info.get("ward")));
        return u;
    }

    private static FeedbackEvent feedback(JsonNode message) {
        FeedbackEvent f = new FeedbackEvent();
        String rate = scalar(message.get("rate"));
        if (rate != null && rate.matches("\\d{1,9}")) {
            f.setRate(Integer.valueOf(rate));
        }
        JsonNode note = message.get("note");
        f.setNote(note != null && note.isTextual() ? note.asText() : null);
        f.setFeedbacks(texts(message.get("feedbacks")));
        return f;
    }

    private static List<EventAttachment> attachments(JsonNode array) {
        List<EventAttachment> list = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return list;
        }
        for (JsonNode a : array) {
            if (!a.isObject()) {
                continue;
            }
            JsonNode payload = a.path("payload");
            EventAttachment att = new EventAttachment();
            att.setType(scalar(a.get("type")));
            att.setUrl(scalar(payload.get("url")));
            att.setThumbnail(scalar(payload.get("thumbnail")));
            att.setName(scalar(payload.get("name")));
            att.setSize(number(scalar(payload.get("size"))));
            JsonNode coordinates = payload.path("coordinates");
            att.setLatitude(decimal(scalar(coordinates.get("latitude"))));
            att.setLongitude(decimal(scalar(coordinates.get("longitude"))));
            list.add(att);
        }
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                String s = scalar(n);
                if (s != null) {
                    list.add(s);
                }
            });
        }
        return list;
    }

    private static Long number(String text) {
        return text != null && text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
    }

    private static Double decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
