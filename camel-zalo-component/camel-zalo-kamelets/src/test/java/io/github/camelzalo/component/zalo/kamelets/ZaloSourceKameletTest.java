package io.github.camelzalo.component.zalo.kamelets;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.sandbox.WebhookAttempt;
import io.github.camelzalo.sandbox.WebhookDelivery;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kamelet:zalo-source}, loaded by camel-kamelet from this module's {@code kamelets/} and used from routes in the
 * YAML DSL, in Camel Main on platform-http (vert.x), receiving the Zalo sandbox's webhooks as Zalo sends them: signed
 * with the OA's secret key, retried on Zalo's schedule (scaled down) when the answer is not 200. The event's JSON and
 * its headers reach the route; a route that fails once gets the event again and processes it once; a Kamelet with
 * the wrong key refuses every event with 401.
 */
class ZaloSourceKameletTest {

    private static final String NGHIA = "0981234980";
    private static final String NGHIA_ZALO = "8941234567136201";

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private ZaloSandbox sandbox;
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void start(String webhookPath) throws Exception {
        sandbox = ZaloSandbox.builder().port(0).sampleData()
                // Zalo's 30 s, 5 min, ... as 30 ms, 300 ms, ...
                .webhookRetryScale(0.001)
                .build().start();
        // chosen once the sandbox holds its own port, which a port free a moment before could otherwise become
        int port = freePort();
        sandbox.webhooks().setUrl("http://127.0.0.1:" + port + webhookPath);
        main = new Main();
        Map<String, String> properties = Map.of(
                "camel.main.routes-include-pattern", "classpath:zalo-source-routes.yaml",
                "camel.server.enabled", "true",
                "camel.server.host", "127.0.0.1",
                "camel.server.port", Integer.toString(port),
                "sandbox.app-id", sandbox.appId(),
                "sandbox.oa-secret-key", sandbox.oa().secretKey());
        properties.forEach(main::addInitialProperty);
        // zalo-sink's provider zalo: the application's component and app, configured the Camel Main way
        main.addInitialProperty("camel.component.zalo.oa-id", sandbox.oaId());
        main.addInitialProperty("camel.component.zalo.zalo.app-id", sandbox.appId());
        main.addInitialProperty("camel.component.zalo.zalo.app-secret", sandbox.appSecret());
        main.addInitialProperty("camel.component.zalo.zalo.refresh-token",
                sandbox.issueTokens(sandbox.oaId()).refreshToken());
        main.addInitialProperty("camel.component.zalo.zalo.oauth-base-url", sandbox.zaloOauthBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.open-api-base-url", sandbox.zaloOpenApiBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.business-base-url", sandbox.zaloBusinessBaseUrl());
        main.bind("zaloTokens", new InMemoryTokenStore());
        main.bind("crm", (Processor) e -> {
            String text = e.getMessage().getBody(String.class);
            if (text.contains("DH1001") && failedOnce.add(e.getMessage().getHeader("message-id", String.class))) {
                throw new IllegalStateException("the CRM is down for a moment");
            }
        });
        main.start();
    }

    private Exchange next(String queue) {
        ConsumerTemplate consumer = main.getCamelContext().createConsumerTemplate();
        return consumer.receive("seda:" + queue, 5000);
    }

    @Test
    void aCustomersTextReachesTheRouteAsZalosJsonWithTheHeadersAReplyNeeds() throws Exception {
        start("/zalo/inbox");

        String msgId = sandbox.actAs(NGHIA).writes("Cho tôi hỏi giờ mở cửa");

        Exchange got = next("inbox");
        assertThat(got).isNotNull();
        JsonNode event = json.readTree(got.getMessage().getBody(String.class));
        assertThat(event.path("event_name").asText()).isEqualTo("user_send_text");
        assertThat(event.path("message").path("msg_id").asText()).isEqualTo(msgId);
        assertThat(event.path("message").path("text").asText()).isEqualTo("Cho tôi hỏi giờ mở cửa");
        assertThat(got.getMessage().getHeaders()).containsEntry("event-name", "user_send_text")
                .containsEntry("user-id", NGHIA_ZALO).containsEntry("oa-id", sandbox.oaId())
                .containsEntry("message-id", msgId).containsEntry("Content-Type", "application/json")
                .containsEntry(ZaloConstants.EVENT_NAME, "user_send_text")
                .containsEntry(ZaloConstants.USER_ID, NGHIA_ZALO);
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        WebhookDelivery delivery = sandbox.webhooks().deliveries().stream()
                .filter(d -> msgId.equals(d.event().msgId())).findFirst().orElseThrow();
        assertThat(delivery.attempts()).extracting(WebhookAttempt::httpStatus).containsExactly(200);

        // not taken (events=user_send_*): answered 200, never in the route
        sandbox.actAs(NGHIA).unfollows();
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(next("inbox")).isNull();
        assertThat(sandbox.webhooks().deliveries()).allSatisfy(
                d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED));
    }

    @Test
    void aRouteThatFailsOnceGetsTheEventAgainOnZalosRetryAndProcessesItOnce() throws Exception {
        start("/zalo/inbox");

        String msgId = sandbox.actAs(NGHIA).writes("Cho tôi hỏi đơn hàng DH1001");

        Exchange got = next("inbox");
        assertThat(got).isNotNull();
        assertThat(got.getMessage().getHeader("message-id")).isEqualTo(msgId);
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        WebhookDelivery delivery = sandbox.webhooks().deliveries().stream()
                .filter(d -> msgId.equals(d.event().msgId())).findFirst().orElseThrow();
        assertThat(delivery.attempts()).extracting(WebhookAttempt::httpStatus).containsExactly(500, 200);
        assertThat(next("inbox")).isNull();
    }

    @Test
    void aKameletWithTheWrongKeyRefusesEveryEvent() throws Exception {
        start("/zalo/wrong-key");

        String msgId = sandbox.actAs(NGHIA).writes("Xin chào");

        assertThat(next("wrong-key")).isNull();
        List<WebhookDelivery> deliveries = sandbox.webhooks().deliveries();
        WebhookDelivery delivery = deliveries.stream().filter(d -> msgId.equals(d.event().msgId())).findFirst()
                .orElseThrow();
        assertThat(delivery.attempts()).isNotEmpty().allSatisfy(a -> assertThat(a.httpStatus()).isEqualTo(401));
    }

    /** zalo-source piped into zalo-sink (provider zalo): the customer's message is answered with no glue. */
    @Test
    void zaloSourceIntoZaloSinkAnswersTheCustomer() throws Exception {
        start("/zalo/reply");

        sandbox.actAs(NGHIA).writes("Cửa hàng mở cửa lúc mấy giờ?");

        long deadline = System.currentTimeMillis() + 10_000;
        while (sandbox.outbox().messages().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sandbox.outbox().messages()).singleElement().satisfies(m -> {
            assertThat(m.provider()).isEqualTo("zalo");
            assertThat(m.zaloId()).isEqualTo(NGHIA_ZALO);
            assertThat(m.text()).isEqualTo("Cảm ơn anh/chị, nhân viên sẽ trả lời trong ít phút.");
        });
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void theKameletFollowsTheCamelKameletsConventions() throws Exception {
        String yaml;
        try (java.io.InputStream in = getClass().getResourceAsStream("/kamelets/zalo-source.kamelet.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("apiVersion: camel.apache.org/v1\nkind: Kamelet\n", "  name: zalo-source\n",
                "camel.apache.org/kamelet.type: \"source\"", "camel.apache.org/kamelet.icon: \"data:image/svg+xml;base64,",
                "    required:\n      - appId\n      - oaSecretKey\n",
                "      oaSecretKey:\n        title: OA Secret Key\n",
                "        format: password\n        x-descriptors:\n"
                + "        - urn:alm:descriptor:com.tectonic.ui:password\n"
                + "        - urn:camel:group:credentials\n",
                "  types:\n    out:\n      mediaType: application/json\n",
                "      - to: \"kamelet:sink\"");
    }
}
