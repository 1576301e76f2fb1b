package io.github.camelzalo.component.zalo.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static io.github.camelzalo.component.zalo.springboot.ZaloEventsStarterTest.OA_KEY;
import static io.github.camelzalo.component.zalo.springboot.ZaloEventsStarterTest.sign;
import static io.github.camelzalo.component.zalo.springboot.ZaloEventsStarterTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running Spring Boot web application with {@code from("zalo:events")} on its own server: the consumer's readiness
 * in {@code /actuator/health} (camel-spring-boot's {@code camelHealth}, check {@code consumer:<routeId>}) UP with its
 * figures, still UP (200) but with {@code signaturesFailing} while events are refused for their signature, which
 * the next verified event ends; the events section of the {@code zalo} dev console on {@code /actuator/camel/zalo}; never the key.
 */
@SpringBootTest(classes = ZaloEventsActuatorTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.zalo.zalo.app-id=" + ZaloEventsStarterTest.APP_ID,
                        "camel.component.zalo.zalo.oa-secret-key=" + OA_KEY,
                        "camel.health.exposure-level=full",
                        "management.endpoint.health.show-details=always",
                        "camel.main.dev-console-enabled=true",
                        "management.endpoints.web.exposure.include=health,camel" })
class ZaloEventsActuatorTest {

    private static final String WRONG_KEY = "zalo-secret-oatwo-90ac11f3";
    private static final AtomicInteger IDS = new AtomicInteger();

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder eventRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("zalo:events?webhookPath=/zalo/inbox&ackMode=immediate").routeId("inbox")
                            .log("${header.CamelZaloEventName}");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int post(String key) throws Exception {
        long ts = System.currentTimeMillis();
        byte[] body = text("act-" + System.nanoTime() + "-" + IDS.incrementAndGet(), "xin chào", ts)
                .getBytes(StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/zalo/inbox"))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", sign(body, Long.toString(ts), key))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private JsonNode camelHealth(HttpResponse<String> health) throws Exception {
        return json.readTree(health.body()).path("components").path("camelHealth");
    }

    @Test
    void theConsumerSaysWhileSignaturesFailStaysUpAndTheConsoleShowsItsFigures() throws Exception {
        assertThat(post(OA_KEY)).isEqualTo(200);

        HttpResponse<String> up = get("/actuator/health");

        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode details = camelHealth(up).path("details");
        assertThat(details.path("consumer:inbox").asText()).isEqualTo("UP");
        JsonNode data = details.path("consumer:inbox.data");
        assertThat(data.path("webhookPath").asText()).isEqualTo("/zalo/inbox");
        assertThat(data.path("ackMode").asText()).isEqualTo("immediate");
        assertThat(data.path("accepted").asText()).isEqualTo("1");

        assertThat(post(WRONG_KEY)).isEqualTo(401);
        assertThat(post(WRONG_KEY)).isEqualTo(401);

        HttpResponse<String> down = get("/actuator/health");

        // a forged request must not take the instance out of its load balancer: reported, not DOWN
        assertThat(down.statusCode()).isEqualTo(200);
        JsonNode refused = camelHealth(down);
        assertThat(refused.path("status").asText()).isEqualTo("UP");
        assertThat(refused.path("details").path("consumer:inbox").asText()).isEqualTo("UP");
        JsonNode refusedData = refused.path("details").path("consumer:inbox.data");
        assertThat(refusedData.path("signaturesFailing").asText()).isEqualTo("true");
        assertThat(refusedData.path("rejected.BAD_SIGNATURE").asText()).isEqualTo("2");
        assertThat(refusedData.path("verificationFailuresSinceVerified").asText()).isEqualTo("2");

        HttpResponse<String> console = get("/actuator/camel/zalo");

        assertThat(console.statusCode()).isEqualTo(200);
        JsonNode inbox = json.readTree(console.body()).path("zalo").path("components").path(0).path("events").path(0);
        assertThat(inbox.path("routeId").asText()).isEqualTo("inbox");
        assertThat(inbox.path("webhookPath").asText()).isEqualTo("/zalo/inbox");
        assertThat(inbox.path("served").asBoolean()).isTrue();
        assertThat(inbox.path("received").asLong()).isEqualTo(3);
        assertThat(inbox.path("rejected").path("BAD_SIGNATURE").asLong()).isEqualTo(2);
        assertThat(inbox.path("accepted").asLong()).isEqualTo(1);

        assertThat(post(OA_KEY)).isEqualTo(200);

        HttpResponse<String> again = get("/actuator/health");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(camelHealth(again).path("details").path("consumer:inbox").asText()).isEqualTo("UP");
        assertThat(camelHealth(again).path("details").path("consumer:inbox.data").path("signaturesFailing").asText())
                .isEqualTo("false");
        assertThat(up.body() + down.body() + again.body() + console.body()).doesNotContain(OA_KEY, WRONG_KEY, "mac=");
    }
}
