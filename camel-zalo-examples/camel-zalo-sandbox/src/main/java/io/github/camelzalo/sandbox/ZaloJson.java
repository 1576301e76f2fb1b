package io.github.camelzalo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The official API's envelope: {@code {"error":0,"message":"Success","data":…}} and {@code {"error":<0,…}}. */
final class ZaloJson {

    private ZaloJson() {
    }

    static ObjectNode success(JsonNode data) {
        ObjectNode o = SandboxJson.object();
        o.put("error", 0);
        o.put("message", "Success");
        if (data != null) {
            o.set("data", data);
        }
        return o;
    }

    static ObjectNode error(int code, String message) {
        ObjectNode o = SandboxJson.object();
        o.put("error", code);
        o.put("message", message);
        return o;
    }

    /** A refusal as Zalo answers it; refusals without a Zalo code get the nearest one. */
    static ObjectNode error(Refusal r) {
        int code = r.zaloCode() != 0 ? r.zaloCode() : switch (r.kind()) {
            case INVALID, NOT_FOUND -> -201;
            case NOT_ALLOWED -> -200;
        };
        return error(code, r.detail());
    }
}
