package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Calls to the sandbox's official Zalo API, as a client of {@code oauth.zaloapp.com} and co. would make them. */
abstract class ZaloApiFixture extends SandboxFixture {

    static final String APP_ID = "3300000000000000001";
    static final String APP_SECRET = "app-secret-5c1e9b";
    static final String OA_SECRET = "oa-secret-key-0d4f27";
    static final String REDIRECT = "https://shop.example.vn/zalo/callback";

    /** The fixture's builder with the test app and the default OA's secret key. */
    ZaloSandbox.Builder zaloBuilder() {
        return builder().zaloApp(APP_ID, APP_SECRET).officialAccount(OA, OA_SECRET);
    }

    static String form(String... nameValues) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            j.add(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8) + "="
                  + URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    /** {@code POST /v4/oa/access_token} with a form and the {@code secret_key} header (left out when null). */
    Answer tokenRequest(String secretKey, String... form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.zaloOauthBaseUrl() + "/v4/oa/access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (secretKey != null) {
            b.header("secret_key", secretKey);
        }
        return callRaw(b.build());
    }

    Answer refresh(String refreshToken) {
        return tokenRequest(APP_SECRET, "refresh_token", refreshToken, "app_id", APP_ID, "grant_type",
                "refresh_token");
    }

    Answer exchange(String code, String verifier) {
        return tokenRequest(APP_SECRET, "code", code, "app_id", APP_ID, "grant_type", "authorization_code",
                "code_verifier", verifier);
    }

    /** The consent page; answers the 302 itself (the JDK client does not follow redirects by default). */
    Answer permission(String query) {
        return callRaw(HttpRequest.newBuilder(URI.create(sandbox.zaloOauthBaseUrl() + "/v4/oa/permission?" + query))
                .GET().build());
    }

    /** The query parameters of an answer's {@code Location}. */
    static Map<String, String> locationQuery(Answer a) {
        String location = a.raw().headers().firstValue("Location").orElseThrow();
        return new LinkedHashMap<>(HttpIo.decodeForm(URI.create(location).getRawQuery()));
    }

    /** Consent for the default OA with a PKCE challenge of {@code verifier}; returns the code. */
    String consent(String verifier) {
        Answer a = permission(form("app_id", APP_ID, "redirect_uri", REDIRECT, "code_challenge",
                ZaloOAuth.challengeOf(verifier), "state", "s1"));
        return locationQuery(a).get("code");
    }

    /** A call to the OA API (under /zalo/openapi) with the {@code access_token} header (left out when null). */
    Answer openApi(String method, String path, String accessToken, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.zaloOpenApiBaseUrl() + path));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (accessToken != null) {
            b.header("access_token", accessToken);
        }
        return callRaw(b.build());
    }

    /** {@code POST /v3.0/oa/message/<endpoint>} of {@code {"recipient":{"user_id"},"message":<message>}}. */
    Answer sendOa(String endpoint, String accessToken, String userId, String message) {
        return openApi("POST", "/v3.0/oa/message/" + endpoint, accessToken,
                "{\"recipient\":{\"user_id\":\"" + userId + "\"},\"message\":" + message + "}");
    }

    static String text(String text) {
        return "{\"text\":" + json(text) + "}";
    }

    static String json(String s) {
        try {
            return SandboxJson.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code error} of an official API answer. */
    static int error(Answer a) {
        return a.json().get("error").asInt();
    }

    /** Like {@link #call} but tolerates an empty or non-JSON body (json is then null). */
    static Answer callRaw(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!r.body().isEmpty()) {
                try {
                    json = SandboxJson.MAPPER.readTree(r.body());
                } catch (JsonProcessingException e) {
                    json = null;
                }
            }
            return new Answer(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
