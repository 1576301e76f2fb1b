package io.github.camelzalo.component.zalo.provider;

import java.util.Map;

import io.github.camelzalo.component.zalo.auth.AccessToken;

/**
 * What one call carries to prove who it is for: the headers, and for the official API the access token they hold
 * (so that, when Zalo refuses it, the token manager knows which one). {@link #toString()} shows no secret.
 *
 * @param headers the credential headers, e.g. {@code Authorization} or {@code access_token}
 * @param token   the OA's access token in them, or {@code null} for a static API key
 */
public record Credential(Map<String, String> headers, AccessToken token) {

    @Override
    public String toString() {
        return "Credential[" + headers.keySet() + (token != null ? ", " + token : "") + "]";
    }
}
