package io.github.camelzalo.component.zalo.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Zalo's webhook signature: {@code X-ZEvent-Signature: mac=<hex>}, the lower-case hex SHA-256 (a plain hash, not an
 * HMAC) of {@code app_id + raw body + timestamp + the OA's secret key}, with {@code app_id} and {@code timestamp} as
 * the body gives them. Computed over the bytes as received and compared in constant time.
 */
final class EventSignature {

    static final String HEADER = "X-ZEvent-Signature";
    private static final String PREFIX = "mac=";

    private EventSignature() {
    }

    /** Whether {@code header} is the signature of the body under one of {@code keys}. */
    static boolean matches(String header, String appId, byte[] rawBody, String timestamp, List<byte[]> keys) {
        String given = header.strip().toLowerCase(Locale.ROOT);
        if (!given.startsWith(PREFIX)) {
            return false;
        }
        byte[] givenBytes = given.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        // every key is tried, so that the time taken says nothing about which one matched
        for (byte[] key : keys) {
            byte[] expected = HexFormat.of().formatHex(digest(appId, rawBody, timestamp, key))
                    .getBytes(StandardCharsets.US_ASCII);
            match |= MessageDigest.isEqual(expected, givenBytes);
        }
        return match;
    }

    static byte[] digest(String appId, byte[] rawBody, String timestamp, byte[] key) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        sha256.update(appId.getBytes(StandardCharsets.UTF_8));
        sha256.update(rawBody);
        sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
        sha256.update(key);
        return sha256.digest();
    }
}
