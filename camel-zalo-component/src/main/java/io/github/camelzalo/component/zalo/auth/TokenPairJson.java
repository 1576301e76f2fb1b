package io.github.camelzalo.component.zalo.auth;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A token pair as JSON, times as epoch milliseconds so that no Jackson module is needed: what the file store keeps
 * in a file (with the pair's version) and the Redis store in a hash field (without it), and a format for a store
 * of your own. Nothing it throws carries the JSON: it holds tokens.
 */
public final class TokenPairJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private TokenPairJson() {
    }

    /** The pair without a version, for a store that keeps the version apart. */
    public static byte[] write(ZaloTokens tokens) {
        return write(tokens, null);
    }

    /** The pair with its version. */
    public static byte[] write(ZaloTokens tokens, long version) {
        return write(tokens, Long.valueOf(version));
    }

    /**
     * The pair and its version.
     *
     * @throws IOException when the JSON is not a token pair with a version of 1 or more
     */
    public static StoredTokens read(byte[] json) throws IOException {
        try {
            Pair p = JSON.readValue(json, Pair.class);
            return new StoredTokens(p.tokens(), p.version() == null ? 0 : p.version());
        } catch (IOException | RuntimeException e) {
            throw notAPair();
        }
    }

    /**
     * The pair, whatever version the JSON has.
     *
     * @throws IOException when the JSON is not a token pair
     */
    public static ZaloTokens readTokens(byte[] json) throws IOException {
        try {
            return JSON.readValue(json, Pair.class).tokens();
        } catch (IOException | RuntimeException e) {
            throw notAPair();
        }
    }

    private static byte[] write(ZaloTokens t, Long version) {
        try {
            return JSON.writeValueAsBytes(new Pair(version, t.getAccessToken(), t.getRefreshToken(),
                    millis(t.getAccessTokenExpiresAt()), millis(t.getRefreshTokenExpiresAt()),
                    t.getIssuedAt().toEpochMilli(), t.getSeedDigest()));
        } catch (IOException e) {
            throw new IllegalStateException("A token pair could not be written as JSON", null);
        }
    }

    private static IOException notAPair() {
        return new IOException("not a token pair");
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pair(@JsonProperty("version") Long version,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("access_token_expires_at") Long accessTokenExpiresAt,
            @JsonProperty("refresh_token_expires_at") Long refreshTokenExpiresAt,
            @JsonProperty("issued_at") long issuedAt,
            @JsonProperty("seed_digest") String seedDigest) {

        ZaloTokens tokens() {
            return new ZaloTokens(accessToken, refreshToken, instant(accessTokenExpiresAt),
                    instant(refreshTokenExpiresAt), Instant.ofEpochMilli(issuedAt), seedDigest);
        }

        @Override
        public String toString() {
            return "Pair[version=" + version + ", issued " + issuedAt + "]";
        }
    }
}
