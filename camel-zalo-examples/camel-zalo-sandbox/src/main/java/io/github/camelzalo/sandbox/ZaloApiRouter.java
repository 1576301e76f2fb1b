package io.github.camelzalo.sandbox;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Zalo's own three hosts as path prefixes on the sandbox's one port: {@code /zalo/oauth} for
 * {@code oauth.zaloapp.com}, {@code /zalo/openapi} for {@code openapi.zalo.me} and {@code /zalo/business} for
 * {@code business.openapi.zalo.me}. The rest of each path is exactly what a client appends to the real host.
 */
final class ZaloApiRouter {

    static final String PREFIX = "/zalo";
    static final String OAUTH = "/zalo/oauth";
    static final String OPENAPI = "/zalo/openapi";
    static final String BUSINESS = "/zalo/business";

    private final OAuthHandler oauth;
    private final OpenApiHandler openApi;
    private final ZnsHandler zns;
    private final StatsCounter stats;

    ZaloApiRouter(OAuthHandler oauth, OpenApiHandler openApi, ZnsHandler zns, StatsCounter stats) {
        this.oauth = oauth;
        this.openApi = openApi;
        this.zns = zns;
        this.stats = stats;
    }

    static boolean matches(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        stats.zaloRequests.increment();
        if (path.startsWith(OAUTH + "/")) {
            oauth.handle(exchange, path.substring(OAUTH.length()));
        } else if (path.startsWith(OPENAPI + "/")) {
            openApi.handle(exchange, path.substring(OPENAPI.length()));
        } else if (path.startsWith(BUSINESS + "/")) {
            zns.handle(exchange, path.substring(BUSINESS.length()));
        } else {
            HttpIo.drain(exchange);
            stats.invalid.increment();
            ObjectNode o = SandboxJson.object();
            o.put("error", 404);
            o.put("message", "Unknown Zalo host path " + path + "; the hosts are " + OAUTH + ", " + OPENAPI + " and "
                             + BUSINESS);
            HttpIo.send(exchange, 404, o);
        }
    }
}
