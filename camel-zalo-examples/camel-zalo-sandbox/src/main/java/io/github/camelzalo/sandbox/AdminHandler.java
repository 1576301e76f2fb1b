package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The sandbox's own endpoints, for looking inside and acting from a browser, curl or another process. No key
 * needed (the server listens on 127.0.0.1 only). Bodies, where taken, are JSON objects; every answer is JSON.
 * <ul>
 * <li>{@code GET /sandbox/outbox}: every accepted message; {@code DELETE} empties it.</li>
 * <li>{@code GET /sandbox/stats}: the request counters, CareSoft's and the Zalo app's rate limits.</li>
 * <li>{@code GET /sandbox/customers}: the directory, each customer with its current user status.</li>
 * <li>{@code GET /sandbox/conversations}: every conversation, newest activity first;
 * {@code GET /sandbox/customers/<phone>/conversation}: one, both directions, with delivery and seen times.</li>
 * <li>{@code POST /sandbox/customers/<phone>/messages}: the customer writes to the OA now. No body: only the
 * interaction is recorded. {@code {"text":…}} or {@code {"type":"image|gif|sticker|audio|video|link","url":…}},
 * {@code {"type":"file","url","name","size"}}, {@code {"type":"location","latitude","longitude"}}: a real message,
 * delivered to the webhook. {@code "oa_id"} picks the OA (default: the default OA).</li>
 * <li>{@code POST /sandbox/customers/<phone>/follow} ({@code {"source"}}), {@code …/unfollow},
 * {@code …/seen} ({@code {"msg_ids":[…]}}, default every unseen message).</li>
 * <li>{@code GET /sandbox/webhooks}: the URL and the delivery log; {@code PUT} {@code {"url":…}} sets the URL
 * ({@code null} turns delivery off); {@code DELETE} forgets finished deliveries.</li>
 * <li>{@code POST /sandbox/webhooks/duplicate-next} and {@code …/reverse-next} {@code {"count":n}},
 * {@code …/release-held}, {@code POST /sandbox/webhooks/<id>/redeliver}.</li>
 * <li>{@code GET /sandbox/scripts}, {@code GET /sandbox/zns-templates}: what can be sent, with parameters.</li>
 * <li>{@code GET /sandbox/oauth}: lifetimes, quirks, each OA's pair as short digests, counters.
 * {@code POST /sandbox/oauth/<oa>/tokens}: a fresh pair for the OA, as after its admin's consent (the one place the
 * sandbox hands out tokens); {@code POST /sandbox/oauth/<oa>/revoke} ends the OA's pair.</li>
 * <li>{@code GET /sandbox/state}: everything the web inbox shows, in one answer.</li>
 * <li>{@code GET /sandbox/clock}; {@code POST /sandbox/clock} {@code {"advance":"PT2H"}} or
 * {@code {"set":"2026-03-02T09:00:00+07:00"}}.</li>
 * </ul>
 */
final class AdminHandler {

    private static final String CUSTOMERS = "/sandbox/customers/";
    private static final String WEBHOOKS = "/sandbox/webhooks";
    private static final String OAUTH = "/sandbox/oauth";

    private final ZaloSandbox sandbox;
    private final Messenger messenger;

    AdminHandler(ZaloSandbox sandbox, Messenger messenger) {
        this.sandbox = sandbox;
        this.messenger = messenger;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        JsonNode body;
        try {
            body = body(exchange);
        } catch (IllegalArgumentException e) {
            HttpIo.send(exchange, 400, error(e.getMessage()));
            return;
        }
        try {
            Object answer = route(method, path, body);
            if (answer == null) {
                HttpIo.send(exchange, 404, error("Unknown sandbox endpoint " + method + " " + path + "; try GET"
                                                 + " /sandbox/outbox, /sandbox/stats, /sandbox/customers,"
                                                 + " /sandbox/webhooks, /sandbox/scripts or /sandbox/oauth"));
            } else {
                HttpIo.send(exchange, 200, answer);
            }
        } catch (NotFound e) {
            HttpIo.send(exchange, 404, error(e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            HttpIo.send(exchange, 400, error(e.getMessage()));
        }
    }

    /** The answer, or {@code null} for an unknown endpoint. */
    private Object route(String method, String path, JsonNode body) {
        String route = method + " " + path;
        switch (route) {
            case "GET /sandbox/outbox":
                return SandboxJson.outbox(sandbox.outbox().messages());
            case "DELETE /sandbox/outbox":
                sandbox.outbox().clear();
                return SandboxJson.outbox(sandbox.outbox().messages());
            case "GET /sandbox/stats":
                return stats();
            case "GET /sandbox/customers":
                ArrayNode all = SandboxJson.MAPPER.createArrayNode();
                sandbox.directory().all().forEach(c -> all.add(SandboxJson.customer(c, messenger.status(c))));
                return all;
            case "GET " + WEBHOOKS:
                return AdminJson.webhooks(sandbox.webhooks());
            case "PUT " + WEBHOOKS:
                sandbox.webhooks().setUrl(optionalText(body, "url"));
                return AdminJson.webhooks(sandbox.webhooks());
            case "DELETE " + WEBHOOKS:
                sandbox.webhooks().clearLog();
                return AdminJson.webhooks(sandbox.webhooks());
            case "POST " + WEBHOOKS + "/duplicate-next":
                sandbox.webhooks().duplicateNext(count(body));
                return AdminJson.webhooks(sandbox.webhooks());
            case "POST " + WEBHOOKS + "/reverse-next":
                sandbox.webhooks().reverseNext(count(body));
                return AdminJson.webhooks(sandbox.webhooks());
            case "POST " + WEBHOOKS + "/release-held":
                sandbox.webhooks().releaseHeld();
                return AdminJson.webhooks(sandbox.webhooks());
            case "GET /sandbox/conversations":
                return AdminJson.conversations(sandbox.conversations(), sandbox.directory());
            case "GET /sandbox/scripts":
                return AdminJson.scripts(sandbox.scripts().values());
            case "GET /sandbox/zns-templates":
                return AdminJson.znsTemplates(sandbox.znsTemplates());
            case "GET " + OAUTH:
                return AdminJson.oauth(sandbox.oauth(), sandbox.officialAccounts());
            case "GET /sandbox/clock":
                return AdminJson.clock(sandbox.clock());
            case "GET /sandbox/state":
                return state();
            case "POST /sandbox/clock":
                moveClock(body);
                return AdminJson.clock(sandbox.clock());
            default:
                break;
        }
        if (method.equals("POST") && path.startsWith(OAUTH + "/")) {
            String[] parts = path.substring(OAUTH.length() + 1).split("/");
            if (parts.length == 2 && (parts[1].equals("tokens") || parts[1].equals("revoke"))) {
                try {
                    sandbox.oa(parts[0]);
                } catch (IllegalArgumentException e) {
                    throw new NotFound(e.getMessage());
                }
                if (parts[1].equals("revoke")) {
                    sandbox.revokeTokens(parts[0]);
                    return AdminJson.oauth(sandbox.oauth(), sandbox.officialAccounts());
                }
                return AdminJson.tokenPair(sandbox.issueTokens(parts[0]));
            }
        }
        if (method.equals("POST") && path.startsWith(WEBHOOKS + "/") && path.endsWith("/redeliver")) {
            String id = path.substring(WEBHOOKS.length() + 1, path.length() - "/redeliver".length());
            if (!id.matches("\\d{1,18}")) {
                throw new NotFound("No webhook delivery " + id);
            }
            try {
                return AdminJson.delivery(sandbox.webhooks().redeliver(Long.parseLong(id)));
            } catch (IllegalArgumentException e) {
                throw new NotFound(e.getMessage());
            }
        }
        if (path.startsWith(CUSTOMERS)) {
            return customer(method, path.substring(CUSTOMERS.length()), body);
        }
        return null;
    }

    private Object customer(String method, String rest, JsonNode body) {
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String phone = URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8);
        String action = rest.substring(slash + 1);
        Customer c = sandbox.directory().find(phone)
                .orElseThrow(() -> new NotFound("No customer with this phone number"));
        String oaId = optionalText(body, "oa_id");
        CustomerActions as = oaId == null ? sandbox.actAs(c.phone()) : sandbox.actAs(c.phone(), oaId);
        switch (method + " " + action) {
            case "GET conversation":
                return AdminJson.conversation(c, sandbox.conversations().of(c.phone()));
            case "POST messages":
                return message(c, as, body);
            case "POST follow":
                String source = optionalText(body, "source");
                as.follows(source == null ? "oa_profile" : source);
                return customerNow(c.phone());
            case "POST unfollow":
                as.unfollows();
                return customerNow(c.phone());
            case "POST seen":
                List<String> seen = body.has("msg_ids") ? as.sees(texts(body.get("msg_ids"))) : as.sees();
                ObjectNode o = SandboxJson.object();
                seen.forEach(o.putArray("seen")::add);
                return o;
            default:
                return null;
        }
    }

    private ObjectNode message(Customer c, CustomerActions as, JsonNode body) {
        String type = optionalText(body, "type");
        String text = optionalText(body, "text");
        String url = optionalText(body, "url");
        if (type == null && text == null) {
            Customer updated = sandbox.directory().recordUserMessage(c.phone());
            return SandboxJson.customer(updated, messenger.status(updated));
        }
        String msgId = switch (type == null ? "text" : type) {
            case "text" -> as.writes(text);
            case "image" -> as.sendsImage(url);
            case "gif" -> as.sendsGif(url);
            case "sticker" -> as.sendsSticker(url);
            case "audio" -> as.sendsAudio(url);
            case "video" -> as.sendsVideo(url);
            case "link" -> as.sendsLink(url);
            case "file" -> as.sendsFile(url, optionalText(body, "name"), body.path("size").asLong(0));
            case "location" -> as.sendsLocation(body.path("latitude").asDouble(), body.path("longitude").asDouble());
            default -> throw new IllegalArgumentException("type must be text, image, gif, sticker, audio, video,"
                                                          + " link, file or location");
        };
        ObjectNode o = customerNow(c.phone());
        o.put("msg_id", msgId);
        return o;
    }

    private ObjectNode customerNow(String phone) {
        Customer c = sandbox.directory().find(phone).orElseThrow(() -> new NotFound("No customer"));
        return SandboxJson.customer(c, messenger.status(c));
    }

    /**
     * Everything the web inbox shows, in one answer so that one poll gives a consistent picture: the clock, each
     * customer with their state under Zalo's rules and their conversation's summary, the conversations themselves,
     * the OAuth state (digests only), the counters and the newest webhook deliveries.
     */
    private ObjectNode state() {
        ObjectNode o = SandboxJson.object();
        o.set("clock", AdminJson.clock(sandbox.clock()));
        o.put("base_url", sandbox.baseUrl());
        ObjectNode urls = o.putObject("urls");
        urls.put("caresoft", sandbox.caresoftBaseUrl());
        urls.put("etelecom", sandbox.etelecomBaseUrl());
        urls.put("zalo_oauth", sandbox.zaloOauthBaseUrl());
        urls.put("zalo_openapi", sandbox.zaloOpenApiBaseUrl());
        urls.put("zalo_business", sandbox.zaloBusinessBaseUrl());
        ArrayNode customers = o.putArray("customers");
        for (Customer c : sandbox.directory().all()) {
            customers.add(AdminJson.inboxCustomer(c, messenger.status(c), sandbox.conversations().of(c.phone())));
        }
        ArrayNode conversations = o.putArray("conversations");
        for (Customer c : sandbox.directory().all()) {
            List<ConversationEntry> entries = sandbox.conversations().of(c.phone());
            if (!entries.isEmpty()) {
                conversations.add(AdminJson.conversation(c, entries));
            }
        }
        o.set("oauth", AdminJson.oauth(sandbox.oauth(), sandbox.officialAccounts()));
        o.set("stats", stats());
        ObjectNode hooks = AdminJson.webhooks(sandbox.webhooks());
        ArrayNode deliveries = (ArrayNode) hooks.get("deliveries");
        // the newest first, and not the whole history of a long run
        ArrayNode newest = SandboxJson.MAPPER.createArrayNode();
        for (int i = deliveries.size() - 1; i >= 0 && newest.size() < AdminJson.INBOX_DELIVERIES; i--) {
            ObjectNode d = (ObjectNode) deliveries.get(i);
            d.remove("body");
            d.remove("signature");
            newest.add(d);
        }
        hooks.set("deliveries", newest);
        o.set("webhooks", hooks);
        o.put("outbox_size", sandbox.outbox().size());
        return o;
    }

    private ObjectNode stats() {
        ObjectNode o = SandboxJson.stats(sandbox.stats());
        ZaloRateLimit limit = sandbox.zaloRateLimit();
        ObjectNode z = o.putObject("zalo_rate_limit");
        z.put("limit_per_minute", limit.limitPerMinute());
        z.put("calls_in_last_minute", limit.callsInLastMinute());
        z.put("rejected", limit.rejected());
        return o;
    }

    private void moveClock(JsonNode body) {
        String advance = optionalText(body, "advance");
        String set = optionalText(body, "set");
        if ((advance == null) == (set == null)) {
            throw new IllegalArgumentException("Give exactly one of advance (e.g. PT2H) and set (e.g."
                                               + " 2026-03-02T09:00:00+07:00)");
        }
        try {
            if (advance != null) {
                sandbox.clock().advance(Duration.parse(advance));
            } else {
                sandbox.clock().set(OffsetDateTime.parse(set).toInstant());
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an ISO-8601 " + (advance != null ? "duration" : "time") + ": "
                                               + (advance != null ? advance : set));
        }
    }

    /** The request body as a JSON object; an empty body is an empty object. */
    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] data = HttpIo.body(exchange);
        if (data == null) {
            throw new IllegalArgumentException("The request body is too large");
        }
        if (data.length == 0 || new String(data, StandardCharsets.UTF_8).isBlank()) {
            return SandboxJson.object();
        }
        try {
            JsonNode json = SandboxJson.MAPPER.readTree(data);
            if (!json.isObject()) {
                throw new IllegalArgumentException("The request body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return v.asText();
    }

    private static int count(JsonNode body) {
        JsonNode v = body.get("count");
        if (v == null || !v.canConvertToInt() || v.asInt() < 0) {
            throw new IllegalArgumentException("count must be a number, 0 or more");
        }
        return v.asInt();
    }

    private static List<String> texts(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("msg_ids must be an array");
        }
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static ObjectNode error(String message) {
        ObjectNode o = SandboxJson.object();
        o.put("error", message);
        return o;
    }

    /** Answered with 404. */
    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
