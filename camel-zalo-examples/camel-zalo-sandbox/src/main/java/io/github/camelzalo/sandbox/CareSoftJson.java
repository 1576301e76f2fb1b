package io.github.camelzalo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CareSoft's answers, field for field as its API document shows them. */
final class CareSoftJson {

    /** CareSoft's success text for a send: "created successfully". */
    static final String CREATED = "Tạo thành công!";
    static final String UNAUTHENTICATED = "Unauthenticated.";
    static final String TOO_MANY_ATTEMPTS = "Too Many Attempts.";
    /** The lock-out text, trailing space and all. */
    static final String LOCKED_OUT = "Domain incorrect too many times , retry after 15 minutes ";

    private CareSoftJson() {
    }

    /** {@code {"code":"ok","data":{…13 fields…}}}. */
    static ObjectNode userStatus(CustomerStatus s) {
        ObjectNode o = SandboxJson.object();
        o.put("code", "ok");
        o.set("data", statusData(s));
        return o;
    }

    static ObjectNode statusData(CustomerStatus s) {
        ObjectNode d = SandboxJson.object();
        d.put("user_id", s.userId());
        d.put("username", s.username());
        d.put("zalo_psid", s.zaloPsid());
        d.put("following_status", s.followingStatus());
        d.put("last_user_activity_time", SandboxJson.caresoftTime(s.lastUserActivityTime()));
        d.put("can_send_consultation_message", s.canSendConsultationMessage());
        d.put("consultation_message_expired_time", SandboxJson.caresoftTime(s.consultationMessageExpiredTime()));
        d.put("consultation_message_free_remain", s.consultationMessageFreeRemain());
        d.put("can_send_transaction_message", s.canSendTransactionMessage());
        d.put("can_send_promotion_message", s.canSendPromotionMessage());
        d.put("can_call_zcc_by_phone", s.canCallZccByPhone());
        d.put("can_call_zcc_by_zalo_id", s.canCallZccByZaloId());
        d.put("can_send_zns", s.canSendZns());
        return d;
    }

    /** {@code {"code":"ok","message":"Tạo thành công!"}}. */
    static ObjectNode created() {
        return message("ok", CREATED);
    }

    /** {@code {"code":"errors","message":…}}. */
    static ObjectNode error(String message) {
        return message("errors", message);
    }

    private static ObjectNode message(String code, String message) {
        ObjectNode o = SandboxJson.object();
        o.put("code", code);
        o.put("message", message);
        return o;
    }
}
