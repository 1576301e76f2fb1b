package io.github.camelzalo.component.zalo.micrometer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static io.github.camelzalo.component.zalo.micrometer.ZaloEventsMetersTest.APP_ID;
import static io.github.camelzalo.component.zalo.micrometer.ZaloEventsMetersTest.OA_ID;
import static io.github.camelzalo.component.zalo.micrometer.ZaloEventsMetersTest.OA_KEY;
import static io.github.camelzalo.component.zalo.micrometer.ZaloEventsMetersTest.sign;
import static io.github.camelzalo.component.zalo.micrometer.ZaloEventsMetersTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter, this module, camel-platform-http-starter and Micrometer's Prometheus
 * registry: {@code from("zalo:events")} on the application's own server counts its requests in
 * {@code zalo_events_total} on {@code /actuator/prometheus}, with no more configuration than the app and the OA key.
 */
@SpringBootTest(classes = ZaloEventsPrometheusTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.zalo.zalo.app-id=" + APP_ID,
                        "camel.component.zalo.zalo.oa-secret-key=" + OA_KEY,
                        "management.endpoints.web.exposure.include=prometheus",
                        "spring.test.observability.auto-configure=true",
                        "spring.test.metrics.export=true" })
class ZaloEventsPrometheusTest {

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder eventRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("zalo:events").routeId("events").log("${header.CamelZaloEventName}");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private int post(String body, long ts, String key) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/zalo/events"))
                .header("Content-Type", "application/json").header("X-ZEvent-Signature", sign(bytes, ts, key))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void theEventsAreOnTheActuatorsPrometheusEndpoint() throws Exception {
        long ts = System.currentTimeMillis();
        assertThat(post(text("prom-1-" + ts, "xin chào", ts), ts, OA_KEY)).isEqualTo(200);
        assertThat(post(text("prom-2-" + ts, "xin chào", ts), ts, "zalo-secret-oatwo-90ac11f3")).isEqualTo(401);

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "zalo_events_total{event=\"user_send_text\",oa=\"" + OA_ID + "\",outcome=\"ACCEPTED\","
                + "path=\"/zalo/events\",reason=\"none\"} 1.0",
                "zalo_events_total{event=\"user_send_text\",oa=\"" + OA_ID + "\",outcome=\"COMPLETED\","
                + "path=\"/zalo/events\",reason=\"none\"} 1.0",
                "zalo_events_total{event=\"unknown\",oa=\"unknown\",outcome=\"REJECTED\",path=\"/zalo/events\","
                + "reason=\"BAD_SIGNATURE\"} 1.0");
        assertThat(scrape.body()).doesNotContain(OA_KEY, "zalo-secret-oatwo-90ac11f3");
    }
}
