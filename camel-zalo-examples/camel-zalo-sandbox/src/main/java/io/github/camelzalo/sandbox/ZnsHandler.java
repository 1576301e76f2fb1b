package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * ZNS on {@code business.openapi.zalo.me}, under {@code /zalo/business}, with the OA's {@code access_token} (bad or
 * expired: -124):
 * <ul>
 * <li>{@code POST /message/template} {@code {"phone":"84…","template_id","template_data":{…},"tracking_id",
 * "mode"}}: -108 phone, -109 template, -117 not approved, -111 empty data, -112 data that does not fit the
 * template's parameters, -118 no Zalo account, -139 the user refused ZNS, -127 development mode and not an admin,
 * -115 out of today's quota; success {@code data {msg_id, sent_time, sending_mode, quota {dailyQuota,
 * remainingQuota}}}, numbers as strings.</li>
 * <li>{@code GET /message/status?message_id=&phone=}, {@code GET /message/quota},
 * {@code GET /template/all?offset=&limit=&status=}, {@code GET /template/info?template_id=}.</li>
 * </ul>
 */
final class ZnsHandler {

    static final int MAX_TRACKING_ID = 48;
    static final int MAX_TEMPLATES_PAGE = 100;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZaloOAuth oauth;
    private final Map<String, OfficialAccount> oas;
    private final ZnsTemplates templates;
    private final CustomerDirectory directory;
    private final Messenger messenger;
    private final Conversations conversations;
    private final StatsCounter stats;

    ZnsHandler(ZaloOAuth oauth, Map<String, OfficialAccount> oas, ZnsTemplates templates, CustomerDirectory directory,
               Messenger messenger, Conversations conversations, StatsCounter stats) {
        this.oauth = oauth;
        this.oas = oas;
        this.templates = templates;
        this.directory = directory;
        this.messenger = messenger;
        this.conversations = conversations;
        this.stats = stats;
    }

    /** @param path the path after {@code /zalo/business} */
    void handle(HttpExchange exchange, String path) throws IOException {
        String route = exchange.getRequestMethod() + " " + path;
        if (!List.of("POST /message/template", "GET /message/status", "GET /message/quota", "GET /template/all",
                "GET /template/info").contains(route)) {
            HttpIo.drain(exchange);
            stats.invalid.increment();
            HttpIo.send(exchange, 404, ZaloJson.error(-106, "No ZNS endpoint " + route));
            return;
        }
        ZaloOAuth.AccessCheck token = oauth.checkAccessToken(exchange.getRequestHeaders().getFirst("access_token"));
        if (token.status() != ZaloOAuth.AccessStatus.VALID) {
            HttpIo.drain(exchange);
            stats.unauthorized.increment();
            HttpIo.send(exchange, 200, ZaloJson.error(-124, switch (token.status()) {
                case MISSING -> "The access_token header is missing";
                case EXPIRED -> "The access token is invalid: it has expired";
                default -> "The access token is invalid";
            }));
            return;
        }
        OfficialAccount oa = oas.get(token.oaId());
        try {
            ObjectNode answer = switch (route) {
                case "POST /message/template" -> ZaloJson.success(send(HttpIo.jsonObject(exchange), oa));
                case "GET /message/status" -> ZaloJson.success(status(HttpIo.query(exchange)));
                case "GET /message/quota" -> ZaloJson.success(quota(oa));
                case "GET /template/all" -> list(HttpIo.query(exchange));
                default -> ZaloJson.success(info(HttpIo.query(exchange)));
            };
            stats.accepted.increment();
            HttpIo.drain(exchange);
            HttpIo.send(exchange, 200, answer);
        } catch (Refusal r) {
            HttpIo.drain(exchange);
            (r.kind() == Refusal.Kind.INVALID ? stats.invalid : stats.refused).increment();
            HttpIo.send(exchange, 200, ZaloJson.error(r.zaloCode() != 0 ? r.zaloCode() : -201, r.detail()));
        }
    }

    private ObjectNode send(JsonNode body, OfficialAccount oa) {
        String phone = text(body, "phone");
        if (phone == null || !phone.strip().matches("84\\d{9}") || PhoneNumbers.toNational(phone.strip()) == null) {
            throw zns(-108, "phone is invalid: a Vietnamese mobile number in the 84… form is expected");
        }
        String templateId = text(body, "template_id");
        ZnsTemplate template = templateId == null ? null : templates.find(templateId.strip()).orElse(null);
        if (template == null) {
            throw zns(-109, "template_id is invalid: no template " + templateId + " of this app");
        }
        if (!template.status().equals(ZnsTemplate.ENABLE)) {
            throw zns(-117, "template " + template.templateId() + " is not approved: its status is "
                            + template.status());
        }
        JsonNode data = body.get("template_data");
        if (data == null || data.isNull() || data.isObject() && data.isEmpty()) {
            throw zns(-111, "template_data is empty");
        }
        if (!data.isObject()) {
            throw zns(-112, "template_data must be an object");
        }
        Map<String, String> values = templateData(template, data);
        String trackingId = text(body, "tracking_id");
        if (trackingId != null && trackingId.length() > MAX_TRACKING_ID) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -201, "tracking_id is longer than " + MAX_TRACKING_ID
                                                           + " characters");
        }
        String mode = text(body, "mode");
        if (mode != null && !mode.equals("development")) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -201, "mode must be development when given");
        }
        boolean development = mode != null;
        Customer c = directory.find(phone.strip()).filter(Customer::onZalo).orElseThrow(() -> zns(-118,
                "the phone number has no Zalo account"));
        if (!c.profile().znsConsent()) {
            throw zns(-139, "the user refused this type of message from the OA");
        }
        if (development && !c.profile().admin()) {
            throw zns(-127, "development mode sends only to the app's and OA's admins");
        }
        // development sends go to admins only and are not counted on the daily quota
        if (!development && !templates.take(oa.oaId())) {
            throw zns(-115, "the OA is out of today's ZNS quota of " + templates.dailyQuota());
        }
        OutboxMessage sent;
        try {
            sent = messenger.send(oa, Recipient.byPhone(c.phone()), Draft.zns(template.render(values),
                    template.templateId(), trackingId, body.toString()));
        } catch (RuntimeException e) {
            if (!development) {
                templates.giveBack(oa.oaId());
            }
            throw e;
        }
        ObjectNode d = SandboxJson.object();
        d.put("msg_id", sent.msgId());
        d.put("sent_time", Long.toString(sent.time().toEpochMilli()));
        d.put("sending_mode", "1");
        ObjectNode quota = d.putObject("quota");
        quota.put("dailyQuota", Integer.toString(templates.dailyQuota()));
        quota.put("remainingQuota", Integer.toString(templates.remainingQuota(oa.oaId())));
        return d;
    }

    /** Checks {@code template_data} against the template's parameters; the values as text. */
    private static Map<String, String> templateData(ZnsTemplate template, JsonNode data) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            if (template.params().stream().noneMatch(p -> p.name().equals(e.getKey()))) {
                throw zns(-112, "template_data." + e.getKey() + " is not a parameter of template "
                                + template.templateId());
            }
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isTextual() && !v.isNumber()) {
                throw zns(-112, "template_data." + e.getKey() + " must be text or a number");
            }
            values.put(e.getKey(), v.isNull() ? null : v.asText());
        }
        for (ZnsParam p : template.params()) {
            String v = values.get(p.name());
            String at = "template_data." + p.name();
            if (v == null || v.isEmpty()) {
                if (p.require() && !p.acceptNull()) {
                    throw zns(-112, at + " is required by template " + template.templateId());
                }
                continue;
            }
            int length = v.codePointCount(0, v.length());
            if (length > p.maxLength() || length < p.minLength()) {
                throw zns(-112, at + " must be " + p.minLength() + " to " + p.maxLength() + " characters long");
            }
            if (p.type().equals(ZnsParam.NUMBER) && !v.matches("[+-]?\\d+(\\.\\d+)?")) {
                throw zns(-112, at + " must be a number");
            }
            if (p.type().equals(ZnsParam.DATE)) {
                try {
                    LocalDate.parse(v, DATE);
                } catch (DateTimeParseException ex) {
                    throw zns(-112, at + " must be a date, dd/MM/yyyy");
                }
            }
        }
        return values;
    }

    private ObjectNode status(Map<String, String> query) {
        String id = query.get("message_id");
        ConversationEntry m = id == null ? null : conversations.message(id).orElse(null);
        if (m == null || m.direction() != ConversationEntry.Direction.FROM_OA) {
            throw zns(-107, "message_id is invalid");
        }
        String phone = query.get("phone");
        Customer c = phone == null ? null : directory.find(phone).orElse(null);
        if (c == null || conversations.of(c.phone()).stream().noneMatch(e -> e.msgId().equals(id))) {
            throw zns(-108, "phone is not the phone number this message was sent to");
        }
        ObjectNode d = SandboxJson.object();
        if (m.deliveredAt() != null) {
            d.put("delivery_time", Long.toString(m.deliveredAt().toEpochMilli()));
            d.put("status", 1);
            d.put("message", m.seenAt() != null ? "Delivered to the user's phone and seen"
                    : "Delivered to the user's phone");
        } else {
            d.putNull("delivery_time");
            d.put("status", 0);
            d.put("message", "Not delivered yet");
        }
        return d;
    }

    private ObjectNode quota(OfficialAccount oa) {
        ObjectNode d = SandboxJson.object();
        d.put("dailyQuota", Integer.toString(templates.dailyQuota()));
        d.put("remainingQuota", Integer.toString(templates.remainingQuota(oa.oaId())));
        return d;
    }

    /** The whole answer: {@code {"error":0,"message":"Success","data":[…],"metadata":{"total":…}}}. */
    private ObjectNode list(Map<String, String> query) {
        int offset = number(query, "offset", 0);
        int limit = number(query, "limit", MAX_TEMPLATES_PAGE);
        if (offset < 0 || limit < 1 || limit > MAX_TEMPLATES_PAGE) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -201, "offset must be 0 or more and limit 1 to "
                                                           + MAX_TEMPLATES_PAGE);
        }
        String status = query.get("status");
        String wanted = status == null || status.isBlank() ? null
                : ZnsTemplate.STATUS_BY_NUMBER.getOrDefault(status.strip(), status.strip());
        List<ZnsTemplate> matching = templates.all().stream()
                .filter(t -> wanted == null || t.status().equals(wanted)).toList();
        ArrayNode data = SandboxJson.MAPPER.createArrayNode();
        matching.stream().skip(offset).limit(limit).forEach(t -> {
            ObjectNode item = data.addObject();
            item.put("templateId", Long.parseLong(t.templateId()));
            item.put("templateName", t.templateName());
            item.put("createdTime", 1_767_225_600_000L); // 2026-01-01: when the sandbox's templates were made
            item.put("status", t.status());
            item.put("templateQuality", t.quality());
        });
        ObjectNode answer = ZaloJson.success(data);
        answer.putObject("metadata").put("total", matching.size());
        return answer;
    }

    private ObjectNode info(Map<String, String> query) {
        String id = query.get("template_id");
        ZnsTemplate t = id == null ? null : templates.find(id.strip()).orElse(null);
        if (t == null) {
            throw zns(-109, "template_id is invalid: no template " + id + " of this app");
        }
        ObjectNode d = SandboxJson.object();
        d.put("templateId", Long.parseLong(t.templateId()));
        d.put("templateName", t.templateName());
        d.put("status", t.status());
        ArrayNode params = d.putArray("listParams");
        for (ZnsParam p : t.params()) {
            ObjectNode o = params.addObject();
            o.put("name", p.name());
            o.put("require", p.require());
            o.put("type", p.type());
            o.put("maxLength", p.maxLength());
            o.put("minLength", p.minLength());
            o.put("acceptNull", p.acceptNull());
        }
        d.put("timeout", 7_200_000);
        d.put("previewUrl", "https://zns-preview.sandbox.invalid/" + t.templateId());
        d.put("templateQuality", t.quality());
        d.put("templateTag", "TRANSACTION");
        d.put("price", Long.toString(t.price()));
        return d;
    }

    private static int number(Map<String, String> query, String name, int absent) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        if (!v.strip().matches("-?\\d{1,9}")) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -201, name + " must be a number");
        }
        return Integer.parseInt(v.strip());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw Refusal.zalo(Refusal.Kind.INVALID, -201, field + " must be a string");
    }

    private static Refusal zns(int code, String message) {
        Refusal.Kind kind = switch (code) {
            case -108, -109, -111, -112, -107 -> Refusal.Kind.INVALID;
            default -> Refusal.Kind.NOT_ALLOWED;
        };
        return Refusal.zalo(kind, code, message);
    }
}
