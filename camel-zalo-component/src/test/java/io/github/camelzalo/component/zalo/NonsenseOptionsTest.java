package io.github.camelzalo.component.zalo;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Numeric options that make no sense stop the start-up, with a message naming the option the way the user wrote it
 * (a Camel Main property key, an endpoint URI option) and the range it takes, instead of failing every call later:
 * {@code request-timeout=-1} with a raw IllegalArgumentException no onException(ZaloException) catches,
 * {@code requestTimeout=abc} as a retryable 0 ms TIMEOUT that redelivery repeats, {@code caresoft.rate-limit=-5}
 * as pacing silently off.
 */
class NonsenseOptionsTest {

    private Main main;

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "request-timeout | -1 | requestTimeout (on the endpoint URI, or camel.component.zalo.request-timeout on the component) must be at least 1 ms, but was -1",
            "request-timeout | abc | requestTimeout (on the endpoint URI, or camel.component.zalo.request-timeout on the component) must be at least 1 ms, but was 0",
            "connect-timeout | 0 | connectTimeout (on the endpoint URI, or camel.component.zalo.connect-timeout on the component) must be at least 1 ms (0 would mean waiting forever), but was 0",
            "rate-limit-retries | -2 | rateLimitRetries (on the endpoint URI, or camel.component.zalo.rate-limit-retries on the component) must be 0 (send once) or more, but was -2",
            "caresoft.rate-limit | -5 | caresoft.rateLimit (camel.component.zalo.caresoft.rate-limit) must be 0 (pacing off) or more calls per second, but was -5",
            "etelecom.rate-limit | -1 | etelecom.rateLimit (camel.component.zalo.etelecom.rate-limit) must be 0 (pacing off) or more calls per second, but was -1",
            "worker-pool-size | -1 | workerPoolSize (camel.component.zalo.worker-pool-size) must be at least 1, or 0 for the default (half the processors, at least 1), but was -1",
            "max-connections | 0 | maxConnections (camel.component.zalo.max-connections) must be at least 1, but was 0",
            "max-response-size | -1 | maxResponseSize (camel.component.zalo.max-response-size) must be at least 1 byte, but was -1",
            "io-threads | 0 | ioThreads (camel.component.zalo.io-threads) must be at least 1, but was 0" })
    void aNonsenseComponentPropertyStopsTheStartupNamingItsKeyAndRange(String key, String value, String message) {
        assertThatThrownBy(() -> startMain("camel.component.zalo." + key, value))
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "requestTimeout=abc | requestTimeout on the endpoint URI must be a whole number of milliseconds or a duration such as 30s, but is other text",
            "connectTimeout=10 seconds | connectTimeout on the endpoint URI must be a whole number of milliseconds or a duration such as 30s, but is other text",
            "rateLimitRetries=five | rateLimitRetries on the endpoint URI must be a whole number, but is other text",
            "requestTimeout=0 | requestTimeout (on the endpoint URI, or camel.component.zalo.request-timeout on the component) must be at least 1 ms, but was 0" })
    void aNonsenseEndpointOptionFailsTheEndpointNamingIt(String option, String message) throws Exception {
        try (CamelContext context = context()) {
            assertThatThrownBy(() -> context.getEndpoint("zalo:send?" + option))
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage(message));
        }
    }

    @Test
    void durationsAndWholeNumbersStillBind() throws Exception {
        try (CamelContext context = context()) {
            ZaloEndpoint endpoint = context.getEndpoint("zalo:send?requestTimeout=5s&connectTimeout=1500"
                                                        + "&rateLimitRetries=0", ZaloEndpoint.class);

            assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(5000);
            assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(1500);
            assertThat(endpoint.getConfiguration().getRateLimitRetries()).isZero();
        }
    }

    @Test
    void theStartupMessagesForAMissingAccountNameThePropertyKeyToo() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("zalo", new ZaloComponent());
            context.start();

            assertThatThrownBy(() -> context.getEndpoint("zalo:send"))
                    .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining(
                            "Set caresoft.baseUrl (camel.component.zalo.caresoft.base-url) on the component"));
            assertThatThrownBy(() -> context.getEndpoint("zalo:sendImage"))
                    .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining(
                            "Set etelecom.apiKey (camel.component.zalo.etelecom.api-key) on the component"));
        }
    }

    private static CamelContext context() throws Exception {
        CamelContext context = new DefaultCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl("http://127.0.0.1:1/acme");
        zalo.getCaresoft().setApiKey("cs-options-token-5e21");
        context.addComponent("zalo", zalo);
        context.start();
        return context;
    }

    private void startMain(String key, String value) throws Exception {
        main = new Main();
        main.addInitialProperty("camel.component.zalo.caresoft.base-url", "http://127.0.0.1:1/acme");
        main.addInitialProperty("camel.component.zalo.caresoft.api-key", "cs-options-token-5e21");
        main.addInitialProperty(key, value);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("zalo:send");
            }
        });
        main.start();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
