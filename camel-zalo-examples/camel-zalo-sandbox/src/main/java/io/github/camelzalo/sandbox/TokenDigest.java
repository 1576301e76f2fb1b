package io.github.camelzalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, one-way names for secrets, so the sandbox can show which token is which without showing the token. */
final class TokenDigest {

    private TokenDigest() {
    }

    /** {@code sha256:1a2b3c4d}: the first 8 hex digits of the SHA-256 of the text; {@code null} stays null. */
    static String of(String secret) {
        return secret == null ? null : "sha256:" + sha256Hex(secret).substring(0, 8);
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
