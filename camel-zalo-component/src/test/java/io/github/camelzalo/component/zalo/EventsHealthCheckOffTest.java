package io.github.camelzalo.component.zalo;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelzalo.component.zalo.WebhookPoster.OA_KEY;
import static io.github.camelzalo.component.zalo.WebhookPoster.OTHER_OA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.zalo.health-check-consumer-enabled=false}: the zalo:events check is off, so refused
 * signatures leave the route's own check UP, with none of the consumer's details.
 */
class EventsHealthCheckOffTest {

    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void withTheConsumerCheckOffRefusedSignaturesLeaveTheRouteUp() throws Exception {
        int port = WebhookPoster.freePort();
        int managementPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            managementPort = free.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", Integer.toString(managementPort));
        main.addInitialProperty("camel.management.health-check-enabled", "true");
        main.addInitialProperty("camel.component.zalo.zalo.app-id", WebhookPoster.APP_ID);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", OA_KEY);
        main.addInitialProperty("camel.component.zalo.health-check-consumer-enabled", "false");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("zalo:events").routeId("events").log("${header.CamelZaloEventName}");
            }
        });
        main.start();
        WebhookPoster zalo = new WebhookPoster(port);
        long ts = System.currentTimeMillis();
        assertThat(zalo.postSigned("/zalo/events", WebhookPoster.text("off-1", "xin chào", ts), ts, OTHER_OA_KEY)
                .statusCode()).isEqualTo(401);

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + managementPort + "/observe/health/ready?exposureLevel=full&data=true"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode check = null;
        for (JsonNode c : new ObjectMapper().readTree(health.body()).path("checks")) {
            if (c.path("name").asText().equals("consumer:events")) {
                check = c;
            }
        }
        assertThat(check).as(health.body()).isNotNull();
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").has("webhookPath")).isFalse();
    }
}
