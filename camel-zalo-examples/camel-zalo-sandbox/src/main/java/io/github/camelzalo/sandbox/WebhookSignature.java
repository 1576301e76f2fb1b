package io.github.camelzalo.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Zalo's webhook signature: {@code X-ZEvent-Signature: mac=<hex>}, where hex is the lower-case hex SHA-256 (a plain
 * hash, not an HMAC) of {@code app_id + raw body + timestamp + the OA's secret key}, {@code app_id} and
 * {@code timestamp} being the values in the body.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ZEvent-Signature";

    private WebhookSignature() {
    }

    /** The header value, {@code mac=…}, for a body as sent. */
    public static String sign(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(rawBody.length + 128);
        data.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(rawBody);
        data.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(oaSecretKey.getBytes(StandardCharsets.UTF_8));
        return "mac=" + HexFormat.of().formatHex(TokenDigest.sha256(data.toByteArray()));
    }
}
