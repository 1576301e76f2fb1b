package io.github.camelzalo.component.zalo.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests of tokens: what logs, consoles and stores may show or compare instead of a token. A digest tells two
 * tokens apart but gives nothing of the token away.
 */
public final class TokenDigests {

    private TokenDigests() {
    }

    /** The lower-case hex SHA-256 of the token's UTF-8 bytes, or {@code null} for {@code null}. */
    public static String sha256(String token) {
        if (token == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The first 8 hex digits of the digest, prefixed {@code #}, for logs: {@code #3f1a09bc}, or {@code none}. */
    public static String shortDigest(String token) {
        return token == null ? "none" : "#" + sha256(token).substring(0, 8);
    }
}
