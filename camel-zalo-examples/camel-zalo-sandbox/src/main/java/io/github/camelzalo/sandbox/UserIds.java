package io.github.camelzalo.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Zalo's second id of a user, {@code user_id_by_app}: the same for every OA of one app. */
final class UserIds {

    private UserIds() {
    }

    /** A stable 18-digit id derived from the app and the user's OA id, so it never changes between runs. */
    static String byApp(String appId, String zaloId) {
        byte[] hash = TokenDigest.sha256((appId + ":" + zaloId).getBytes(StandardCharsets.UTF_8));
        long n = ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
        return Long.toString(100_000_000_000_000_000L + n % 900_000_000_000_000_000L);
    }
}
