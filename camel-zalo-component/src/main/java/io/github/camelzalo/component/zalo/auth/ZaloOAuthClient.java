package io.github.camelzalo.component.zalo.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.camelzalo.component.zalo.transport.HttpCall;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * Zalo's OAuth v4 for OAs, as one app sees it: the consent URL an OA admin opens, and the token endpoint
 * ({@code POST {oauthBaseUrl}/v4/oa/access_token}, a form with the app's secret key in a {@code secret_key} header)
 * for the code exchange and for refreshes.
 */
public final class ZaloOAuthClient implements TokenEndpoint {

    public static final String TOKEN_PATH = "/v4/oa/access_token";
    public static final String PERMISSION_PATH = "/v4/oa/permission";
    static final String FORM = "application/x-www-form-urlencoded";

    private final String oauthBaseUrl;
    private final String appId;
    private final String appSecret;
    private final Function<HttpCall, CompletableFuture<HttpReply>> http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    /**
     * @param http sends a call and completes with its answer, e.g. the component's transport
     */
    public ZaloOAuthClient(String oauthBaseUrl, String appId, String appSecret,
                           Function<HttpCall, CompletableFuture<HttpReply>> http, Duration connectTimeout,
                           Duration requestTimeout) {
        this.oauthBaseUrl = stripSlashes(oauthBaseUrl);
        this.appId = appId;
        this.appSecret = appSecret;
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /** The page an OA admin opens to let the app act for the OA; Zalo then redirects to {@code redirectUri}. */
    public URI consentUrl(String redirectUri, String codeChallenge, String state) {
        return URI.create(oauthBaseUrl + PERMISSION_PATH + "?" + form(Map.of(
                "app_id", appId, "redirect_uri", redirectUri, "code_challenge", codeChallenge, "state", state)));
    }

    @Override
    public CompletableFuture<TokenGrant> refresh(String refreshToken) {
        return post(form(Map.of("refresh_token", refreshToken, "app_id", appId, "grant_type", "refresh_token")),
                true);
    }

    @Override
    public CompletableFuture<TokenGrant> exchangeCode(String code, String codeVerifier) {
        return post(form(Map.of("code", code, "app_id", appId, "grant_type", "authorization_code", "code_verifier",
                codeVerifier)), false);
    }

    private CompletableFuture<TokenGrant> post(String form, boolean refreshing) {
        HttpCall call = new HttpCall("POST", URI.create(oauthBaseUrl + TOKEN_PATH), Map.of("secret_key", appSecret),
                FORM, form.getBytes(StandardCharsets.US_ASCII), connectTimeout, requestTimeout);
        return http.apply(call).thenApply(reply -> TokenAnswers.read(reply, refreshing));
    }

    /** {@code key=value&…} in a fixed order, so that a test can compare the whole form. */
    static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    private static String stripSlashes(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    @Override
    public String toString() {
        return "ZaloOAuthClient[" + oauthBaseUrl + ", app " + appId + "]";
    }
}
