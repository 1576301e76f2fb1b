package io.github.camelzalo.component.zalo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CamelContext whose zalo component points CareSoft and eTelecom at one WireMock server on 127.0.0.1, the way
 * a user configures both providers once on the component.
 */
public abstract class ZaloTestSupport extends CamelTestSupport {

    protected static final String CARESOFT_KEY = "cs-secret-token-4f9a1c";
    protected static final String ETELECOM_KEY = "et-secret-key-77b2e0";
    protected static final String OA_ID = "1600190000752846";
    protected static final String CARESOFT_USER_STATUS = "/acme/api/v1/zalo/user-status";
    protected static final String CARESOFT_SEND = "/acme/api/v1/zalo/send-message";
    protected static final String ETELECOM_SEND_IMAGE = "/v1/shop.Zalo/OASendImage";

    protected static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(40));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(baseUrl() + "/acme");
        zalo.getCaresoft().setApiKey(CARESOFT_KEY);
        zalo.getEtelecom().setBaseUrl(baseUrl() + "/v1/shop");
        zalo.getEtelecom().setApiKey(ETELECOM_KEY);
        zalo.getConfiguration().setOaId(OA_ID);
        zalo.getConfiguration().setRequestTimeout(5_000);
        // these tests are about the wire, not pacing; RateLimitTest turns the rate limit back on
        zalo.getCaresoft().setRateLimit(0);
        configure(zalo);
        context.addComponent("zalo", zalo);
        return context;
    }

    /** Subclasses adjust the component here. */
    protected void configure(ZaloComponent zalo) {
    }

    protected static void stub(String path, ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    protected static void stub(MappingBuilder mapping) {
        wireMock.stubFor(mapping);
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    protected static ResponseDefinitionBuilder caresoftOk() {
        return json(200, "{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}");
    }

    /**
     * Waits until the pool has no leased connection: a failed call must give its connection back (or discard it), or
     * the pool drains away fault by fault. Polls briefly because the release happens on an I/O thread.
     */
    protected static void assertNoLeasedConnections(PoolingAsyncClientConnectionManager pool) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pool.getTotalStats().getLeased() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(pool.getTotalStats().getLeased()).as("leased connections, %s", pool.getTotalStats()).isZero();
    }

    /** Sends an exchange and returns it, failed or not: a failed call must complete, never hang or throw. */
    protected Exchange call(String uri, Object body, Object... headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    /**
     * Hands {@code count} exchanges with {@code body} to an asynchronous producer without waiting for any (each
     * must return at once, not done); {@code done} counts their completions. The exchanges, in the order sent.
     */
    protected List<Exchange> processAll(AsyncProducer producer, int count, Object body, CountDownLatch done) {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);
            exchanges.add(exchange);
            assertThat(producer.process(exchange, sync -> done.countDown())).as("completed synchronously").isFalse();
        }
        return exchanges;
    }
}
