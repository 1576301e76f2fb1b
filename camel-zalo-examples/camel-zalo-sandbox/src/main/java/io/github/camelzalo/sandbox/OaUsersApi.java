package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The OA API's reads about users and the OA, over the customer directory (every customer with a Zalo id is a
 * user of every OA):
 * <ul>
 * <li>{@code GET /v3.0/oa/user/detail?data={"user_id":…}}</li>
 * <li>{@code GET /v3.0/oa/user/getlist?data={"offset","count" (1 to 50),"tag_name","last_interaction_period"
 * (TODAY, YESTERDAY, L7D, L30D),"is_follower"}}</li>
 * <li>{@code GET /v2.0/oa/getoa}</li>
 * <li>{@code POST /v3.0/oa/quota/message} {@code {"user_id":…}}: the user's free replies and promotion limits</li>
 * </ul>
 */
final class OaUsersApi {

    static final int MAX_COUNT = 50;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(SandboxClock.VIETNAM);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(SandboxClock.VIETNAM);
    private static final Set<String> PERIODS = Set.of("TODAY", "YESTERDAY", "L7D", "L30D");

    private final CustomerDirectory directory;
    private final ZaloOAuth oauth;
    private final ZaloRules rules;
    private final PromotionQuota promotions;
    private final SandboxClock clock;

    OaUsersApi(CustomerDirectory directory, ZaloOAuth oauth, ZaloRules rules, PromotionQuota promotions,
               SandboxClock clock) {
        this.directory = directory;
        this.oauth = oauth;
        this.rules = rules;
        this.promotions = promotions;
        this.clock = clock;
    }

    void register(OpenApiHandler api) {
        api.add("GET", "/v3.0/oa/user/detail", (exchange, oa) -> detail(dataParameter(exchange)));
        api.add("GET", "/v3.0/oa/user/getlist", (exchange, oa) -> list(dataParameter(exchange)));
        api.add("GET", "/v2.0/oa/getoa", (exchange, oa) -> oa(oa));
        api.add("POST", "/v3.0/oa/quota/message", this::quota);
    }

    private ObjectNode detail(JsonNode data) {
        Customer c = user(data, "user_id");
        ObjectNode d = SandboxJson.object();
        d.put("user_id", c.zaloId());
        d.put("user_id_by_app", UserIds.byApp(oauth.appId(), c.zaloId()));
        d.put("display_name", c.name());
        d.put("user_alias", c.profile().alias() == null ? "" : c.profile().alias());
        d.put("is_sensitive", false);
        d.put("user_is_follower", c.following());
        if (c.lastInteraction() != null) {
            d.put("user_last_interaction_date", DAY.format(c.lastInteraction()));
        }
        String avatar = c.profile().avatar() != null ? c.profile().avatar()
                : "https://avatar.sandbox.invalid/" + c.zaloId() + ".jpg";
        d.put("avatar", avatar);
        ObjectNode avatars = d.putObject("avatars");
        avatars.put("120", avatar);
        avatars.put("240", avatar);
        ObjectNode tags = d.putObject("tags_and_notes_info");
        c.profile().tags().forEach(tags.putArray("tag_names")::add);
        c.profile().notes().forEach(tags.putArray("notes")::add);
        if (c.profile().sharesInfo()) {
            ObjectNode shared = d.putObject("shared_info");
            shared.put("name", c.name());
            shared.put("phone", "84" + c.phone().substring(1));
            shared.put("address", orEmpty(c.profile().address()));
            shared.put("city", orEmpty(c.profile().city()));
            shared.put("district", orEmpty(c.profile().district()));
        }
        return d;
    }

    private ObjectNode list(JsonNode data) {
        int offset = number(data, "offset", 0);
        int count = number(data, "count", -1);
        if (count < 0) {
            throw OaMessageParser.invalid("data.count is required");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -210, "data.count must be 1 to " + MAX_COUNT);
        }
        if (offset < 0) {
            throw OaMessageParser.invalid("data.offset must not be negative");
        }
        String tag = blankToNull(text(data, "tag_name"));
        String period = blankToNull(text(data, "last_interaction_period"));
        if (period != null && !PERIODS.contains(period)) {
            throw OaMessageParser.invalid("data.last_interaction_period must be TODAY, YESTERDAY, L7D or L30D");
        }
        Boolean follower = follower(data);
        Instant now = clock.now();
        List<Customer> matching = directory.all().stream().filter(Customer::onZalo)
                .filter(c -> tag == null || c.profile().tags().contains(tag))
                .filter(c -> follower == null || c.following() == follower)
                .filter(c -> period == null || inPeriod(c.lastInteraction(), period, now)).toList();
        ObjectNode d = SandboxJson.object();
        d.put("total", matching.size());
        List<Customer> page = matching.stream().skip(offset).limit(count).toList();
        d.put("count", page.size());
        d.put("offset", offset);
        ArrayNode users = d.putArray("users");
        page.forEach(c -> users.addObject().put("user_id", c.zaloId()));
        return d;
    }

    private ObjectNode oa(OfficialAccount oa) {
        ObjectNode d = SandboxJson.object();
        d.put("oaid", oa.oaId());
        d.put("name", oa.name());
        d.put("description", "A Zalo Official Account of the Zalo sandbox");
        d.put("is_verified", true);
        d.put("oa_type", 2);
        d.put("cate_name", "Sandbox");
        d.put("num_follower", directory.all().stream().filter(c -> c.onZalo() && c.following()).count());
        d.put("avatar", "https://avatar.sandbox.invalid/oa/" + oa.oaId() + ".jpg");
        d.put("cover", "https://avatar.sandbox.invalid/oa/" + oa.oaId() + "-cover.jpg");
        d.put("package_name", "Sandbox package (" + oa.subQuotaTotal() + " sub_quota)");
        d.put("package_valid_through_date", DAY.format(oa.packageExpiry()));
        return d;
    }

    private ObjectNode quota(HttpExchange exchange, OfficialAccount oa) throws IOException {
        Customer c = user(HttpIo.jsonObject(exchange), "user_id");
        Instant now = clock.now();
        ObjectNode d = SandboxJson.object();
        if (c.lastInteraction() != null) {
            d.put("last_interaction", DAY_TIME.format(c.lastInteraction()));
        } else {
            d.putNull("last_interaction");
        }
        ObjectNode cs = d.putObject("cs_reply");
        cs.put("remain", rules.freeRepliesLeft(c, now));
        cs.put("total", rules.freeReplies());
        PromotionQuota.Usage usage = promotions.usage(oa.oaId(), c.zaloId());
        ObjectNode promotion = d.putObject("promotion");
        promotion.put("daily_remain", usage.dailyRemain());
        promotion.put("daily_total", usage.dailyTotal());
        promotion.put("monthly_remain", usage.monthlyRemain());
        promotion.put("monthly_total", usage.monthlyTotal());
        return d;
    }

    private boolean inPeriod(Instant last, String period, Instant now) {
        if (last == null || last.isAfter(now)) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(now, SandboxClock.VIETNAM);
        LocalDate day = LocalDate.ofInstant(last, SandboxClock.VIETNAM);
        return switch (period) {
            case "TODAY" -> day.equals(today);
            case "YESTERDAY" -> day.equals(today.minusDays(1));
            case "L7D" -> now.isBefore(last.plus(Duration.ofDays(7)));
            default -> now.isBefore(last.plus(Duration.ofDays(30)));
        };
    }

    private Customer user(JsonNode data, String field) {
        String userId = blankToNull(text(data, field));
        if (userId == null) {
            throw OaMessageParser.invalid(field + " is required");
        }
        return directory.findByZaloId(userId).orElseThrow(() -> OaMessageParser.invalid(
                field + " is invalid: no user " + userId + " of this OA"));
    }

    /** The JSON object in the {@code data} query parameter. */
    private static JsonNode dataParameter(HttpExchange exchange) {
        String raw = HttpIo.query(exchange).get("data");
        if (raw == null || raw.isBlank()) {
            throw OaMessageParser.invalid("data is required: a JSON object in the query");
        }
        try {
            JsonNode json = SandboxJson.MAPPER.readTree(raw);
            if (json == null || !json.isObject()) {
                throw OaMessageParser.invalid("data must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw OaMessageParser.invalid("data is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Boolean follower(JsonNode data) {
        JsonNode v = data.get("is_follower");
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && Map.of("true", true, "false", false).containsKey(v.asText())) {
            return Boolean.valueOf(v.asText());
        }
        throw OaMessageParser.invalid("data.is_follower must be true or false");
    }

    private static int number(JsonNode data, String field, int absent) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(v.asText().strip());
        }
        throw OaMessageParser.invalid("data." + field + " must be a number");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw OaMessageParser.invalid(field + " must be a string");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
