package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;

/**
 * A sandbox per test on a frozen clock, with a small cast of customers, and a JDK HttpClient to call it. The
 * clock stands at Monday 2026-03-02 09:00 Vietnam time.
 */
abstract class SandboxFixture {

    static final String TENANT = "acme";
    static final String CS_KEY = "cs-test-key-4f9a1c";
    static final String ET_KEY = "et-test-key-77b2e0";
    static final String OA = "1600190000752846";
    static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0, 0);

    /** Follows, wrote 2 hours ago, no reply used yet. */
    static final String NGHIA = "0981234980";
    static final String NGHIA_ZALO = "8941234567136201";
    /** Does not follow, wrote 1 day ago. */
    static final String BICH = "0912345678";
    static final String BICH_ZALO = "8941234567136202";
    /** Follows, wrote 10 days ago: outside the 7-day window. */
    static final String DUC = "0987654321";
    /** Follows, wrote 5 hours ago, all 8 free replies used. */
    static final String HA = "0934567890";
    /** Follows, never wrote to the OA. */
    static final String CUONG = "0903456789";
    /** A CareSoft contact without a Zalo account. */
    static final String KHANH = "0977123456";

    static final long SCRIPT_ORDER = 608;
    static final long SCRIPT_PROMO = 700;
    static final long SCRIPT_WELCOME = 500;

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxClock clock = SandboxClock.frozen(START);
    ZaloSandbox sandbox;

    /** A builder with the test accounts, customers and scripts; no rate limit unless a test sets one. */
    ZaloSandbox.Builder builder() {
        Instant now = clock.now();
        return ZaloSandbox.builder()
                .clock(clock)
                .caresoftTenant(TENANT, CS_KEY)
                .etelecomApiKey(ET_KEY)
                .oaId(OA)
                .subQuota(3)
                .rateLimitPerSecond(0)
                .customers(List.of(
                        new Customer(NGHIA, "631292", NGHIA_ZALO, "Nguyễn Trọng Nghĩa", true,
                                now.minus(Duration.ofHours(2)), 0),
                        new Customer(BICH, "631293", BICH_ZALO, "Trần Thị Bích", false,
                                now.minus(Duration.ofDays(1)), 0),
                        new Customer(DUC, "631294", "8941234567136203", "Phạm Minh Đức", true,
                                now.minus(Duration.ofDays(10)), 0),
                        new Customer(HA, "631295", "8941234567136204", "Hoàng Thu Hà", true,
                                now.minus(Duration.ofHours(5)), 8),
                        new Customer(CUONG, "631296", "8941234567136205", "Lê Văn Cường", true, null, 0),
                        new Customer(KHANH, "631297", null, "Vũ Quốc Khánh", false, null, 0)))
                .script(SCRIPT_ORDER, MessageType.TRANSACTION, "Chào {{username}}, đơn hàng {{ order_id }} đã được giao.")
                .script(SCRIPT_PROMO, MessageType.PROMOTION, "Giảm {{discount}} hôm nay!")
                .script(SCRIPT_WELCOME, MessageType.CONSULTATION, "Chào {{username}}, chúng tôi có thể giúp gì?");
    }

    ZaloSandbox start(ZaloSandbox.Builder b) {
        sandbox = b.build().start();
        return sandbox;
    }

    @AfterEach
    void closeSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
        String text(String field) {
            JsonNode v = json.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        JsonNode data() {
            return json.get("data");
        }
    }

    Answer post(String path, String key, String body) {
        return post(path, key, "application/json", body);
    }

    Answer post(String path, String key, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return call(b.build());
    }

    Answer get(String path) {
        return call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET().build());
    }

    static Answer call(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), SandboxJson.MAPPER.readTree(r.body()), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CareSoft user-status of a phone number, as the component asks it. */
    Answer userStatus(String phone) {
        return post("/" + TENANT + "/api/v1/zalo/user-status", CS_KEY,
                "{\"phone_no\":\"" + phone + "\",\"oa_id\":\"" + OA + "\"}");
    }

    /** CareSoft send-message of a free text to a phone number. */
    Answer sendText(String phone, String text) {
        return post("/" + TENANT + "/api/v1/zalo/send-message", CS_KEY,
                "{\"zalo\":{\"phone_no\":\"" + phone + "\",\"oa_id\":\"" + OA + "\",\"message\":\"" + text + "\"}}");
    }

    /** CareSoft send-message of a script; {@code params} is a JSON object or null. */
    Answer sendScript(String phone, long scriptId, String params) {
        return post("/" + TENANT + "/api/v1/zalo/send-message", CS_KEY,
                "{\"zalo\":{\"phone_no\":\"" + phone + "\",\"oa_id\":\"" + OA + "\",\"script_id\":" + scriptId
                                                                        + (params != null ? ",\"template_params\":" + params : "") + "}}");
    }

    /** eTelecom OASendImage by URL to a Zalo user. */
    Answer sendImage(String zaloId, String url) {
        return post("/v1/shop.Zalo/OASendImage", ET_KEY,
                "{\"message\":{\"image_url\":\"" + url + "\"},\"oa_id\":\"" + OA + "\",\"recipient\":{\"user_id\":\""
                                                        + zaloId + "\"}}");
    }

    OutboxMessage lastSent() {
        List<OutboxMessage> all = sandbox.outbox().messages();
        return all.get(all.size() - 1);
    }
}
