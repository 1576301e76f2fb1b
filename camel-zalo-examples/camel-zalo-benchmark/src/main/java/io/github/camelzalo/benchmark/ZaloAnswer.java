package io.github.camelzalo.benchmark;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The official API's answer to a message as a hand-written route would map it: error, message, data as a map. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ZaloAnswer {

    public int error;
    public String message;
    public Map<String, Object> data;

    /** The request body of a consultation text: {@code {"recipient":{"user_id"},"message":{"text"}}}. */
    static Map<String, Object> textMessage(String userId, String text) {
        return Map.of("recipient", Map.of("user_id", userId), "message", Map.of("text", text));
    }

    /** What the hand-written cases' result is checked against: the message id the stub answers. */
    static boolean isExpected(Object body) {
        return body instanceof ZaloAnswer a && a.error == 0 && a.data != null
               && StubServer.ZALO_MESSAGE_ID.equals(a.data.get("message_id"));
    }
}
