package io.github.camelzalo.component.zalo.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloConstants;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running Spring Boot web application: the CareSoft account's readiness check in {@code /actuator/health} (under
 * camel-spring-boot's {@code camelHealth}), UP with its details after a call, then DOWN, and the whole answer 503,
 * once CareSoft locks the account out; the {@code zalo} dev console on {@code /actuator/camel/zalo}; never the key.
 */
@SpringBootTest(classes = ZaloActuatorTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.zalo.caresoft.api-key=cs-actuator-token-6b0e",
                        "camel.component.zalo.oa-id=1600190000752846",
                        "camel.health.producers-enabled=true",
                        "camel.health.exposure-level=full",
                        "management.endpoint.health.show-details=always",
                        "camel.main.dev-console-enabled=true",
                        // the readiness indicator reports the lock-out at WARN: expected here
                        "logging.level.org.apache.camel.spring.boot.actuate.health=ERROR",
                        "management.endpoints.web.exposure.include=health,camel" })
class ZaloActuatorTest {

    private static final String SEND = "/acme/api/v1/zalo/send-message";
    private static final WireMockServer WIRE_MOCK = startStub();

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder zaloRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from("direct:text").to("zalo:send");
                }
            };
        }
    }

    @DynamicPropertySource
    static void zaloProperties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.zalo.caresoft.base-url",
                () -> "http://127.0.0.1:" + WIRE_MOCK.port() + "/acme");
    }

    private static WireMockServer startStub() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stopStub() {
        WIRE_MOCK.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ProducerTemplate template;

    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> health() throws Exception {
        return get("/actuator/health");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls that succeeded in this application, whichever test made them (they share it). */
    private static int succeeded;

    private void send() {
        template.request("direct:text", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });
    }

    /** The zalo check's id among camelHealth's details: {@code producer:zalo-caresoft-127.0.0.1-<digest>}. */
    private static String zaloCheckId(JsonNode camelHealth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = camelHealth.path("details").fields(); it.hasNext();) {
            String key = it.next().getKey();
            if (key.startsWith("producer:zalo-caresoft-") && !key.endsWith(".data")) {
                return key;
            }
        }
        throw new AssertionError("no zalo check in " + camelHealth);
    }

    @Test
    void theAccountIsUpWithItsDetailsThenDownWhileCareSoftLocksItOut() throws Exception {
        WIRE_MOCK.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
        send();
        succeeded++;

        HttpResponse<String> up = health();

        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode camelHealth = json.readTree(up.body()).path("components").path("camelHealth");
        String id = zaloCheckId(camelHealth);
        assertThat(id).matches("producer:zalo-caresoft-127\\.0\\.0\\.1-[0-9a-f]{8}");
        assertThat(camelHealth.path("details").path(id).asText()).isEqualTo("UP");
        JsonNode data = camelHealth.path("details").path(id + ".data");
        assertThat(data.path("provider").asText()).isEqualTo("caresoft");
        assertThat(data.path("calls.succeeded").asText()).isEqualTo(String.valueOf(succeeded));
        assertThat(data.path("rateLimit.configured").asText()).isEqualTo("15.0");

        WIRE_MOCK.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry after 15 minutes \"}")));
        send();

        HttpResponse<String> down = health();

        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode locked = json.readTree(down.body()).path("components").path("camelHealth");
        assertThat(locked.path("status").asText()).isEqualTo("DOWN");
        assertThat(locked.path("details").path(id).asText()).isEqualTo("DOWN");
        assertThat(locked.path("details").path(id + ".data").path("lockedOutUntil").asText()).isNotEmpty();
        assertThat(up.body() + down.body()).doesNotContain("cs-actuator-token-6b0e");
    }

    @Test
    void theZaloDevConsoleIsOnTheActuatorsCamelEndpoint() throws Exception {
        WIRE_MOCK.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
        send();
        succeeded++;

        HttpResponse<String> console = get("/actuator/camel/zalo");

        assertThat(console.statusCode()).isEqualTo(200);
        JsonNode account = json.readTree(console.body()).path("zalo").path("components").path(0).path("accounts")
                .path(0);
        assertThat(account.path("provider").asText()).isEqualTo("caresoft");
        assertThat(account.path("calls").path("succeeded").asLong()).isEqualTo(succeeded);
        assertThat(console.body()).doesNotContain("cs-actuator-token-6b0e");
    }
}
