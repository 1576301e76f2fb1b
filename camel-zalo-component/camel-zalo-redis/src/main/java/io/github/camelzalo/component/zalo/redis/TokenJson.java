package io.github.camelzalo.component.zalo.redis;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;

/** A token pair as JSON, times as epoch milliseconds: the value the Redis token store keeps. */
final class TokenJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private TokenJson() {
    }

    static String write(ZaloTokens t) {
        try {
            return JSON.writeValueAsString(new Pair(t.getAccessToken(), t.getRefreshToken(),
                    millis(t.getAccessTokenExpiresAt()), millis(t.getRefreshTokenExpiresAt()),
                    t.getIssuedAt().toEpochMilli(), t.getSeedDigest()));
        } catch (IOException e) {
            throw new IllegalStateException("A token pair could not be written as JSON", null);
        }
    }

    /** @throws IOException when the text is not a pair (the message never carries the text: it holds tokens) */
    static ZaloTokens read(String text) throws IOException {
        Pair p;
        try {
            p = JSON.readValue(text, Pair.class);
            return new ZaloTokens(p.accessToken, p.refreshToken, instant(p.accessTokenExpiresAt),
                    instant(p.refreshTokenExpiresAt), Instant.ofEpochMilli(p.issuedAt), p.seedDigest);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a token pair");
        }
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pair(@JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("access_token_expires_at") Long accessTokenExpiresAt,
            @JsonProperty("refresh_token_expires_at") Long refreshTokenExpiresAt,
            @JsonProperty("issued_at") long issuedAt,
            @JsonProperty("seed_digest") String seedDigest) {

        @Override
        public String toString() {
            return "Pair[issued " + issuedAt + "]";
        }
    }
}
