package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code openapi.zalo.me} under {@code /zalo/openapi}. Every call needs the OA's {@code access_token} header (a
 * missing, unknown or ended token: -216; expired on the clock: -220), then passes the app's rate limit (-32), then
 * its endpoint. Answers are HTTP 200 {@code {"error":0,"message":"Success","data":…}}, failures HTTP 200 with
 * {@code error < 0}; each carries {@code X-RateLimit-Limit} and {@code X-RateLimit-Remain}. Unknown paths: 404.
 */
final class OpenApiHandler {

    /** One OA API endpoint: answers the {@code data} of a success, or throws a {@link Refusal}. */
    interface Endpoint {
        JsonNode call(HttpExchange exchange, OfficialAccount oa) throws IOException;
    }

    private final ZaloOAuth oauth;
    private final Map<String, OfficialAccount> oas;
    private final AppRateLimiter limiter;
    private final StatsCounter stats;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    OpenApiHandler(ZaloOAuth oauth, Map<String, OfficialAccount> oas, AppRateLimiter limiter, StatsCounter stats) {
        this.oauth = oauth;
        this.oas = oas;
        this.limiter = limiter;
        this.stats = stats;
    }

    /** Adds an endpoint, e.g. {@code add("POST", "/v3.0/oa/message/cs", …)}. */
    OpenApiHandler add(String method, String path, Endpoint endpoint) {
        endpoints.put(method + " " + path, endpoint);
        return this;
    }

    /** @param path the path after {@code /zalo/openapi} */
    void handle(HttpExchange exchange, String path) throws IOException {
        Endpoint endpoint = endpoints.get(exchange.getRequestMethod() + " " + path);
        if (endpoint == null) {
            HttpIo.drain(exchange);
            stats.invalid.increment();
            boolean otherMethod = endpoints.keySet().stream().anyMatch(k -> k.endsWith(" " + path));
            HttpIo.send(exchange, otherMethod ? 405 : 404, ZaloJson.error(otherMethod ? -209 : 404,
                    (otherMethod ? exchange.getRequestMethod() + " is not supported for " : "No OA API endpoint ")
                    + path));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpIo.drain(exchange);
        }
        ZaloOAuth.AccessCheck token = oauth.checkAccessToken(exchange.getRequestHeaders().getFirst("access_token"));
        if (token.status() != ZaloOAuth.AccessStatus.VALID) {
            HttpIo.drain(exchange);
            stats.unauthorized.increment();
            send(exchange, switch (token.status()) {
                case EXPIRED -> ZaloJson.error(-220, "The access token has expired");
                case DEAD -> ZaloJson.error(-216, "The access token is invalid: it was replaced by a newer one or"
                                                  + " revoked");
                case MISSING -> ZaloJson.error(-216, "The access_token header is missing");
                default -> ZaloJson.error(-216, "The access token is invalid");
            });
            return;
        }
        if (!limiter.admit()) {
            HttpIo.drain(exchange);
            stats.zaloRateLimited.increment();
            send(exchange, ZaloJson.error(-32, "The app has reached its limit of "
                                               + limiter.snapshot().limitPerMinute() + " calls per minute"));
            return;
        }
        try {
            JsonNode data = endpoint.call(exchange, oas.get(token.oaId()));
            stats.accepted.increment();
            send(exchange, ZaloJson.success(data));
        } catch (Refusal r) {
            HttpIo.drain(exchange);
            (r.kind() == Refusal.Kind.INVALID ? stats.invalid : stats.refused).increment();
            send(exchange, ZaloJson.error(r));
        }
    }

    private void send(HttpExchange exchange, JsonNode answer) throws IOException {
        ZaloRateLimit limit = limiter.snapshot();
        if (limit.limitPerMinute() > 0) {
            HttpIo.send(exchange, 200, answer, "X-RateLimit-Limit", Integer.toString(limit.limitPerMinute()),
                    "X-RateLimit-Remain", Integer.toString(limit.remaining()));
        } else {
            HttpIo.send(exchange, 200, answer);
        }
    }
}
