package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code oauth.zaloapp.com} under {@code /zalo/oauth}:
 * <ul>
 * <li>{@code GET /v4/oa/permission?app_id&redirect_uri&code_challenge&state} is the consent page, where the OA's
 * admin agrees at once: 302 to {@code redirect_uri?code=…&oa_id=…&state=…}. The sandbox's own optional parameter
 * {@code oa_id} chooses which of its OAs consents (default: the default OA), as the admin would on the real page.</li>
 * <li>{@code POST /v4/oa/access_token}, a form with header {@code secret_key}: {@code grant_type}
 * {@code authorization_code} ({@code code}, {@code app_id}, {@code code_verifier}) or {@code refresh_token}
 * ({@code refresh_token}, {@code app_id}). Success {@code {"access_token","refresh_token","expires_in":"90000"}};
 * errors HTTP 200 {@code {"error":-14002,"error_name":…,"error_description":…}}.</li>
 * </ul>
 */
final class OAuthHandler {

    static final String PERMISSION = "/v4/oa/permission";
    static final String ACCESS_TOKEN = "/v4/oa/access_token";

    private final ZaloOAuth oauth;
    private final StatsCounter stats;

    OAuthHandler(ZaloOAuth oauth, StatsCounter stats) {
        this.oauth = oauth;
        this.stats = stats;
    }

    /** @param path the path after {@code /zalo/oauth} */
    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (PERMISSION.equals(path) && "GET".equals(method)) {
            HttpIo.drain(exchange);
            permission(exchange);
        } else if (ACCESS_TOKEN.equals(path) && "POST".equals(method)) {
            accessToken(exchange);
        } else {
            HttpIo.drain(exchange);
            stats.invalid.increment();
            boolean known = PERMISSION.equals(path) || ACCESS_TOKEN.equals(path);
            ObjectNode o = SandboxJson.object();
            o.put("error", known ? 405 : 404);
            o.put("message", known ? method + " is not supported here" : "No OAuth endpoint " + path);
            HttpIo.send(exchange, known ? 405 : 404, o);
        }
    }

    private void permission(HttpExchange exchange) throws IOException {
        Map<String, String> q = HttpIo.query(exchange);
        ZaloOAuth.Consent consent;
        try {
            consent = oauth.authorize(q.get("app_id"), q.get("redirect_uri"), q.get("code_challenge"), q.get("oa_id"));
        } catch (ZaloOAuth.OAuthError e) {
            stats.invalid.increment();
            HttpIo.send(exchange, 400, error(e, false));
            return;
        }
        String redirect = q.get("redirect_uri");
        StringBuilder location = new StringBuilder(redirect);
        location.append(URI.create(redirect).getRawQuery() == null ? '?' : '&');
        location.append("code=").append(encode(consent.code())).append("&oa_id=").append(encode(consent.oaId()));
        if (q.get("state") != null) {
            location.append("&state=").append(encode(q.get("state")));
        }
        stats.accepted.increment();
        HttpIo.sendRaw(exchange, 302, null, new byte[0], "Location", location.toString());
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        byte[] body = HttpIo.body(exchange);
        Map<String, String> form = HttpIo.decodeForm(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        ZaloOAuth.TokenAnswer answer = oauth.token(form, exchange.getRequestHeaders().getFirst("secret_key"));
        if (answer instanceof ZaloOAuth.Granted g) {
            stats.accepted.increment();
            ObjectNode o = SandboxJson.object();
            o.put("access_token", g.pair().accessToken());
            if (g.withRefreshToken()) {
                o.put("refresh_token", g.pair().refreshToken());
            }
            if (oauth.has(OAuthQuirk.EXPIRES_IN_AS_NUMBER)) {
                o.put("expires_in", g.expiresInSeconds());
            } else {
                o.put("expires_in", Long.toString(g.expiresInSeconds()));
            }
            HttpIo.send(exchange, 200, o);
        } else if (answer instanceof ZaloOAuth.Failed f) {
            (f.error().code == ZaloOAuth.INVALID_SECRET_KEY ? stats.unauthorized : stats.refused).increment();
            HttpIo.send(exchange, 200, error(f.error(), oauth.has(OAuthQuirk.ERROR_AS_STRING)));
        } else {
            stats.refused.increment();
            HttpIo.sendRaw(exchange, 200, "application/json; charset=utf-8", new byte[0]);
        }
    }

    private static ObjectNode error(ZaloOAuth.OAuthError e, boolean asString) {
        ObjectNode o = SandboxJson.object();
        // code 0: a consent-page problem, which Zalo shows to a person with no error number
        if (e.code != 0 && asString) {
            o.put("error", Integer.toString(e.code));
        } else if (e.code != 0) {
            o.put("error", e.code);
        }
        o.put("error_name", e.name);
        o.put("error_description", e.getMessage());
        return o;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
