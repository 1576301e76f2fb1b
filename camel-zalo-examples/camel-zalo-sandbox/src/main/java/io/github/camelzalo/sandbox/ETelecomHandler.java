package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * eTelecom's {@code POST /v1/shop.Zalo/OASendImage} (and {@code /v1/partner.Zalo/OASendImage}), a Twirp JSON API:
 * success is HTTP 200 with the created message, errors are {@code {"code":…,"msg":…}}:
 *
 * <table>
 * <caption>eTelecom answers</caption>
 * <tr><td>unknown path, method other than POST, Content-Type not JSON</td><td>404 {@code bad_route}</td></tr>
 * <tr><td>missing or wrong key</td><td>401 {@code unauthenticated}</td></tr>
 * <tr><td>body not JSON</td><td>400 {@code malformed}</td></tr>
 * <tr><td>a field missing or wrong</td><td>400 {@code invalid_argument}</td></tr>
 * <tr><td>unknown OA or Zalo user</td><td>404 {@code not_found}</td></tr>
 * <tr><td>refused by Zalo's rules (window closed, out of quota)</td><td>400 {@code failed_precondition}</td></tr>
 * </table>
 */
final class ETelecomHandler {

    static final String SHOP_SEND_IMAGE = "/v1/shop.Zalo/OASendImage";
    static final String PARTNER_SEND_IMAGE = "/v1/partner.Zalo/OASendImage";

    private final String apiKey;
    private final String shopId;
    private final Messenger messenger;
    private final StatsCounter stats;

    ETelecomHandler(String apiKey, String shopId, Messenger messenger, StatsCounter stats) {
        this.apiKey = apiKey;
        this.shopId = shopId;
        this.messenger = messenger;
        this.stats = stats;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        stats.etelecomRequests.increment();
        if (!SHOP_SEND_IMAGE.equals(path) && !PARTNER_SEND_IMAGE.equals(path)) {
            badRoute(exchange, "no handler for path \"" + path + "\"");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            badRoute(exchange, "unsupported method \"" + exchange.getRequestMethod() + "\" (only POST is allowed)");
            return;
        }
        if (!HttpIo.isJson(exchange)) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            badRoute(exchange, "unexpected Content-Type: \"" + (type == null ? "" : type) + "\"");
            return;
        }
        if (!apiKey.equals(HttpIo.bearerToken(exchange))) {
            stats.unauthorized.increment();
            HttpIo.send(exchange, 401, error("unauthenticated", "invalid or missing api key"));
            return;
        }
        JsonNode body;
        try {
            body = HttpIo.jsonObject(exchange);
        } catch (Refusal r) {
            stats.invalid.increment();
            HttpIo.send(exchange, 400, error("malformed", r.getMessage()));
            return;
        }
        try {
            ObjectNode created = sendImage(body);
            stats.accepted.increment();
            HttpIo.send(exchange, 200, created);
        } catch (Refusal r) {
            switch (r.kind()) {
                case INVALID -> {
                    stats.invalid.increment();
                    HttpIo.send(exchange, 400, error("invalid_argument", r.getMessage()));
                }
                case NOT_FOUND -> {
                    stats.refused.increment();
                    HttpIo.send(exchange, 404, error("not_found", r.getMessage()));
                }
                default -> {
                    stats.refused.increment();
                    HttpIo.send(exchange, 400, error("failed_precondition", r.getMessage()));
                }
            }
        }
    }

    private ObjectNode sendImage(JsonNode body) {
        JsonNode message = body.get("message");
        if (message == null || !message.isObject()) {
            throw Refusal.invalid("message is required");
        }
        String imageUrl = blankToNull(SandboxJson.text(message, "image_url"));
        String attachmentId = blankToNull(SandboxJson.text(message, "attachment_id"));
        if ((imageUrl == null) == (attachmentId == null)) {
            throw Refusal.invalid("exactly one of message.image_url and message.attachment_id is required");
        }
        if (imageUrl != null && !isHttpUrl(imageUrl)) {
            throw Refusal.invalid("message.image_url must be an http or https URL");
        }
        String oaId = blankToNull(SandboxJson.text(body, "oa_id"));
        if (oaId == null) {
            throw Refusal.invalid("oa_id is required");
        }
        JsonNode recipient = body.get("recipient");
        String userId = recipient == null || !recipient.isObject() ? null
                : blankToNull(SandboxJson.text(recipient, "user_id"));
        if (userId == null) {
            throw Refusal.invalid("recipient.user_id is required");
        }
        messenger.checkOa(oaId);
        OutboxMessage sent = messenger.send(Recipient.byZaloId(userId), Draft.image(imageUrl, attachmentId));
        return created(sent);
    }

    /** The created message, as eTelecom answers it; {@code remain} and {@code total} are strings. */
    private ObjectNode created(OutboxMessage m) {
        ObjectNode o = SandboxJson.object();
        o.put("direction", "out");
        o.put("msg_id", m.msgId());
        o.put("oa_id", m.oaId());
        ObjectNode quota = o.putObject("quota");
        quota.put("expired_date", SandboxJson.isoTime(m.quotaExpires()));
        quota.put("owner_id", m.oaId());
        quota.put("owner_type", "OA");
        quota.put("quota_type", m.quotaType());
        quota.put("remain", String.valueOf(m.quotaRemain()));
        quota.put("total", String.valueOf(m.quotaTotal()));
        o.put("recipient_id", m.zaloId());
        o.put("sender_id", m.oaId());
        o.put("shop_id", shopId);
        o.put("type", "photo");
        o.put("user_id", m.contactId());
        o.put("wl_partner_id", "0");
        o.put("zl_user_id", m.zaloId());
        o.put("created_at", SandboxJson.isoTime(m.time()));
        return o;
    }

    private void badRoute(HttpExchange exchange, String msg) throws IOException {
        stats.invalid.increment();
        HttpIo.send(exchange, 404, error("bad_route", msg));
    }

    private static ObjectNode error(String code, String msg) {
        ObjectNode o = SandboxJson.object();
        o.put("code", code);
        o.put("msg", msg);
        return o;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                   && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
