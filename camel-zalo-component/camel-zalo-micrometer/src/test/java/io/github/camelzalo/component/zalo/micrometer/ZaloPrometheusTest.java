package io.github.camelzalo.component.zalo.micrometer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloConstants;
import org.apache.camel.Exchange;
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
 * A Spring Boot application with the starter, this module and Micrometer's Prometheus registry: the component's
 * calls and its account's rate limit on {@code /actuator/prometheus}, with no more configuration than the account.
 */
@SpringBootTest(classes = ZaloPrometheusTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.zalo.caresoft.api-key=cs-prometheus-token-90b3",
                        "camel.component.zalo.oa-id=1600190000752846",
                        "management.endpoints.web.exposure.include=prometheus",
                        // Spring Boot's tests export no metrics unless asked: the 3.5 and the 4.0 way
                        "spring.test.observability.auto-configure=true",
                        "spring.test.metrics.export=true" })
class ZaloPrometheusTest {

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
        server.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
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

    @Test
    void theCallsAndTheRateLimitAreOnTheActuatorsPrometheusEndpoint() throws Exception {
        for (int i = 0; i < 2; i++) {
            Exchange ok = template.request("direct:text", e -> {
                e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
                e.getMessage().setBody("Xin chào");
            });
            assertThat(ok.getException()).isNull();
        }

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        String body = scrape.body();
        assertThat(body).containsPattern("zalo_calls_seconds_count\\{account=\"127\\.0\\.0\\.1-[0-9a-f]{8}\","
                                         + "operation=\"send\",outcome=\"OK\",provider=\"caresoft\"} 2");
        assertThat(body).containsPattern("zalo_ratelimit_configured\\{account=\"127\\.0\\.0\\.1-[0-9a-f]{8}\","
                                         + "provider=\"caresoft\"} 15\\.0");
        assertThat(body).contains("zalo_ratelimit_waits_seconds_count{", "zalo_ratelimit_answers_total{");
        assertThat(body).doesNotContain("cs-prometheus-token-90b3");
    }
}
