package io.github.camelzalo.component.zalo;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads over HTTP from a Camel Main application, configured only by properties: the account's
 * readiness on Camel Main's health endpoint ({@code /observe/health}, 503 while the account is locked out) and the
 * {@code zalo} dev console ({@code /q/dev/zalo}).
 */
class ZaloCamelMainObservabilityTest {

    private static final String SEND = "/acme/api/v1/zalo/send-message";
    private static final String KEY = "cs-observe-token-7c21";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private WireMockServer wireMock;
    private Main main;
    private int port;

    @BeforeEach
    void start() throws Exception {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        main = new Main();
        Map<String, String> properties = Map.of(
                "camel.component.zalo.caresoft.base-url", "http://127.0.0.1:" + wireMock.port() + "/acme",
                "camel.component.zalo.caresoft.api-key", KEY,
                "camel.component.zalo.oa-id", "1600190000752846",
                "camel.health.producers-enabled", "true",
                "camel.main.dev-console-enabled", "true",
                "camel.management.enabled", "true",
                "camel.management.host", "127.0.0.1",
                "camel.management.port", String.valueOf(port),
                "camel.management.health-check-enabled", "true",
                "camel.management.dev-console-enabled", "true");
        properties.forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:send").to("zalo:send");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        wireMock.stop();
    }

    private void send() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        template.request("direct:send", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode zaloCheck(JsonNode health) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().startsWith("producer:zalo-caresoft-")) {
                return check;
            }
        }
        throw new AssertionError("no zalo check in " + health);
    }

    @Test
    void theHealthEndpointShowsTheAccountUpThenDownWhileLockedOut() throws Exception {
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
        send();

        HttpResponse<String> up = get("/observe/health/ready?exposureLevel=full&data=true", "application/json");

        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode check = zaloCheck(json.readTree(up.body()));
        assertThat(check.path("status").asText()).isEqualTo("UP");
        assertThat(check.path("data").path("provider").asText()).isEqualTo("caresoft");
        assertThat(check.path("data").path("calls.succeeded").asLong()).isEqualTo(1);
        assertThat(check.path("data").path("rateLimit.configured").asDouble()).isEqualTo(15.0);

        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry after 15 minutes \"}")));
        send();

        HttpResponse<String> down = get("/observe/health/ready?exposureLevel=full&data=true", "application/json");

        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode locked = zaloCheck(json.readTree(down.body()));
        assertThat(locked.path("status").asText()).isEqualTo("DOWN");
        assertThat(locked.path("message").asText()).startsWith("caresoft locked the account out until ");
        assertThat(locked.path("data").path("lockedOutUntil").asText()).isNotEmpty();
        assertThat(up.body() + down.body()).doesNotContain(KEY);
    }

    @Test
    void theZaloDevConsoleIsServedAsTextAndJson() throws Exception {
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
        send();

        HttpResponse<String> text = get("/q/dev/zalo", "text/plain");
        HttpResponse<String> asJson = get("/q/dev/zalo", "application/json");

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("Account caresoft http://127.0.0.1:" + wireMock.port() + "/acme key#",
                "Calls: 1 succeeded, 0 failed");
        // the server wraps each console's JSON under its id
        JsonNode account = json.readTree(asJson.body()).path("zalo").path("components").path(0).path("accounts").path(0);
        assertThat(account.path("provider").asText()).isEqualTo("caresoft");
        assertThat(account.path("calls").path("succeeded").asLong()).isEqualTo(1);
        assertThat(text.body() + asJson.body()).doesNotContain(KEY);
    }
}
