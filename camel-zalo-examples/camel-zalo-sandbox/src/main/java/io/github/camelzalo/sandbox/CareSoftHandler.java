package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * CareSoft's Zalo API under a tenant prefix: {@code POST /<tenant>/api/v1/zalo/user-status} and
 * {@code POST /<tenant>/api/v1/zalo/send-message}. Every request of a known tenant passes its rate limiter first,
 * then the Bearer check, then validation, then Zalo's rules. The answers:
 *
 * <table>
 * <caption>CareSoft answers</caption>
 * <tr><td>success</td><td>200 {@code {"code":"ok",…}}</td></tr>
 * <tr><td>unknown tenant</td><td>404 {@code {"code":"errors","message":"Domain incorrect"}}</td></tr>
 * <tr><td>over the rate limit</td><td>429 {@code "Too Many Attempts."} with {@code Retry-After}</td></tr>
 * <tr><td>locked out</td><td>404 {@code "Domain incorrect too many times , retry after 15 minutes "}</td></tr>
 * <tr><td>missing or wrong key</td><td>401 {@code "Unauthenticated."}</td></tr>
 * <tr><td>malformed request</td><td>400 {@code {"code":"errors","message":…}}</td></tr>
 * <tr><td>refused (unknown customer, script or OA; Zalo's rules)</td><td>{@code refusalStatus} (200 by default,
 * as CareSoft relays Zalo's refusals) {@code {"code":"errors","message":…}}</td></tr>
 * </table>
 */
final class CareSoftHandler {

    private static final String USER_STATUS = "/api/v1/zalo/user-status";
    private static final String SEND_MESSAGE = "/api/v1/zalo/send-message";

    private final Map<String, CareSoftTenant> tenants;
    private final Map<Long, Script> scripts;
    private final Messenger messenger;
    private final StatsCounter stats;
    private final int refusalStatus;

    CareSoftHandler(Map<String, CareSoftTenant> tenants, Map<Long, Script> scripts, Messenger messenger,
                    StatsCounter stats, int refusalStatus) {
        this.tenants = tenants;
        this.scripts = scripts;
        this.messenger = messenger;
        this.stats = stats;
        this.refusalStatus = refusalStatus;
    }

    /** @param rest the path after the tenant, e.g. {@code /api/v1/zalo/user-status} */
    void handle(HttpExchange exchange, String tenantName, String rest) throws IOException {
        stats.caresoftRequests.increment();
        CareSoftTenant tenant = tenants.get(tenantName);
        if (tenant == null) {
            stats.invalid.increment();
            HttpIo.send(exchange, 404, CareSoftJson.error("Domain incorrect"));
            return;
        }
        switch (tenant.limiter.admit(stats)) {
            case LOCKED_OUT -> {
                HttpIo.send(exchange, 404, CareSoftJson.error(CareSoftJson.LOCKED_OUT));
                return;
            }
            case TOO_MANY -> {
                HttpIo.send(exchange, 429, CareSoftJson.error(CareSoftJson.TOO_MANY_ATTEMPTS),
                        "Retry-After", Long.toString(tenant.limiter.secondsUntilNextWindow()),
                        "X-RateLimit-Remaining", "0");
                return;
            }
            default -> {
            }
        }
        if (!USER_STATUS.equals(rest) && !SEND_MESSAGE.equals(rest)) {
            stats.invalid.increment();
            HttpIo.send(exchange, 404, CareSoftJson.error("Not found: " + rest));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            stats.invalid.increment();
            HttpIo.send(exchange, 405, CareSoftJson.error("The " + exchange.getRequestMethod()
                                                          + " method is not supported for this route. Supported"
                                                          + " methods: POST."));
            return;
        }
        if (!tenant.apiKey.equals(HttpIo.bearerToken(exchange))) {
            stats.unauthorized.increment();
            HttpIo.send(exchange, 401, CareSoftJson.error(CareSoftJson.UNAUTHENTICATED));
            return;
        }
        try {
            JsonNode body = HttpIo.jsonObject(exchange);
            JsonNode answer = USER_STATUS.equals(rest) ? userStatus(body) : sendMessage(body, tenant);
            stats.accepted.increment();
            HttpIo.send(exchange, 200, answer);
        } catch (Refusal r) {
            boolean invalid = r.kind() == Refusal.Kind.INVALID;
            (invalid ? stats.invalid : stats.refused).increment();
            HttpIo.send(exchange, invalid ? 400 : refusalStatus, CareSoftJson.error(r.getMessage()));
        }
    }

    private JsonNode userStatus(JsonNode body) {
        String phone = SandboxJson.text(body, "phone_no");
        if (phone == null || phone.isBlank()) {
            throw Refusal.invalid("phone_no is required");
        }
        if (PhoneNumbers.toNational(phone) == null) {
            throw Refusal.invalid("phone_no is not a valid phone number");
        }
        String oaId = SandboxJson.text(body, "oa_id");
        messenger.checkOa(oaId == null || oaId.isBlank() ? null : oaId.strip());
        return CareSoftJson.userStatus(messenger.status(Recipient.byPhone(phone)));
    }

    private JsonNode sendMessage(JsonNode body, CareSoftTenant tenant) {
        CareSoftSendRequest request = CareSoftSendRequest.parse(body);
        Draft draft;
        if (request.scriptId() != null) {
            Script script = scripts.get(request.scriptId());
            if (script == null) {
                throw Refusal.notFound("Zalo script " + request.scriptId() + " does not exist");
            }
            String text;
            try {
                text = script.render(request.templateParams());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(e.getMessage());
            }
            draft = Draft.script(tenant.name, script, text);
        } else {
            draft = Draft.text(tenant.name, request.message());
        }
        messenger.checkOa(request.oaId());
        messenger.send(request.recipient(), draft);
        return CareSoftJson.created();
    }
}
