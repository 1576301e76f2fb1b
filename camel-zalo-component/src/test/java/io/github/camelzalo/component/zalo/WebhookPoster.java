package io.github.camelzalo.component.zalo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Posts webhook events the way Zalo does, to a real HTTP server on 127.0.0.1: JSON bodies in Zalo's shapes, signed
 * {@code X-ZEvent-Signature: mac=<hex SHA-256 of app_id + body + timestamp + OA secret key>}. The signature here is
 * computed independently of the component's code.
 */
final class WebhookPoster {

    static final String APP_ID = "2771862381437218000";
    static final String OA_ID = "1600190000752846";
    static final String OTHER_OA_ID = "1700290000123456";
    /** Shaped like every official-API secret of the tests, so that the log checks find it if it leaks. */
    static final String OA_KEY = "zalo-secret-oa-5e7a91c4";
    static final String PREVIOUS_OA_KEY = "zalo-secret-oaold-77b2e0d1";
    static final String OTHER_OA_KEY = "zalo-secret-oatwo-90ac11f3";
    /** A customer's text: it must never appear in a log line at INFO or above. */
    static final String CUSTOMER_TEXT = "Cho tôi hỏi đơn hàng riêng tư số 4821";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    WebhookPoster(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String msgId, String text, long timestamp) {
        return text(OA_ID, msgId, text, timestamp);
    }

    static String text(String oaId, String msgId, String text, long timestamp) {
        return "{\"app_id\":\"" + APP_ID + "\",\"sender\":{\"id\":\"2468013579135792468\"},\"recipient\":{\"id\":\""
               + oaId + "\"},\"user_id_by_app\":\"5522001133557799\",\"event_name\":\"user_send_text\",\"message\":{"
               + "\"msg_id\":\"" + msgId + "\",\"text\":\"" + text + "\"},\"timestamp\":\"" + timestamp + "\"}";
    }

    static String event(String eventName, String rest, long timestamp) {
        return "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"" + eventName + "\"," + rest + ",\"timestamp\":\""
               + timestamp + "\"}";
    }

    static String signature(String body, long timestamp, String key) {
        return signature(body.getBytes(StandardCharsets.UTF_8), APP_ID, Long.toString(timestamp), key);
    }

    static String signature(byte[] body, String appId, String timestamp, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((appId).getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            sha.update((timestamp + key).getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code body} signed with {@code key} for its timestamp. */
    HttpResponse<String> postSigned(String path, String body, long timestamp, String key) {
        return post(path, "POST", "application/json", body.getBytes(StandardCharsets.UTF_8),
                signature(body, timestamp, key));
    }

    HttpResponse<String> post(String path, String method, String contentType, byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (signature != null) {
            b.header("X-ZEvent-Signature", signature);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return baseUrl + path;
    }
}
