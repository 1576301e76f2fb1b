package io.github.camelzalo.component.zalo.redis;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloEndpoint;
import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.testservers.RedisServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica configured the Camel Main way, from properties only (camel-main-redis.properties): the Redis beans are
 * made from {@code camel.beans.*}, the component finds them in the registry, and calls to a real HTTP server are paced
 * through the real redis-server; a Redis out of reach fails a call unsent, or paces it locally where opted in.
 */
class RedisWithCamelTest {

    private static final String SEND = "/acme/api/v1/zalo/send-message";
    private static WireMockServer wireMock;
    private RedisServer redis;
    private Main main;

    @BeforeAll
    static void stub() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopStub() {
        wireMock.stop();
    }

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.shared();
        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}")));
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:camel-main-redis.properties");
        main.addInitialProperty("stub.url", "http://127.0.0.1:" + wireMock.port());
        main.addInitialProperty("redis.uri", redis.uri());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("zalo:send");
            }
        });
        main.start();
    }

    @AfterEach
    void stop() throws Exception {
        main.stop();
        if (!redis.isRunning()) {
            redis.restart();
        }
    }

    private Exchange send(String text) {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        return template.request("direct:text", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody(text);
        });
    }

    @Test
    void theBeansFromPropertiesAreTheComponentsSharedState() {
        CamelContext context = main.getCamelContext();
        assertThat(context.getComponent("zalo", ZaloComponent.class).getRateLimiter())
                .as("autowired from the registry").isInstanceOf(RedisRateLimiter.class);
        assertThat(context.getRegistry().findSingleByType(ZaloTokenStore.class)).isInstanceOf(RedisTokenStore.class);
        assertThat(context.getRegistry().lookupByNameAndType("zaloEvents", IdempotentRepository.class))
                .isInstanceOf(RedisIdempotentRepository.class);
        RedisRateLimiter limiter = context.getRegistry().findSingleByType(RedisRateLimiter.class);
        assertThat(limiter.getFallbackShare()).isEqualTo(0.5);
        assertThat(limiter.getRedis().getCommandTimeout()).isEqualTo(1000);
    }

    @Test
    void callsArePacedThroughRedis() {
        long started = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            assertThat(send("Đơn hàng " + i).getException()).isNull();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        wireMock.verify(8, postRequestedFor(urlEqualTo(SEND)));
        // 5/s across the cluster: one at once, then one every 203 ms
        assertThat(seconds).isGreaterThan(7 * 0.203 * 0.95);
        RateLimitStats stats = main.getCamelContext().getEndpoint("zalo:send", ZaloEndpoint.class)
                .getRateLimitStats();
        assertThat(stats.getPermitsGranted()).isEqualTo(8);
        String account = AccountKey.of("caresoft", "http://127.0.0.1:" + wireMock.port() + "/acme", "cs-main-key").id();
        assertThat(redis.command("EXISTS", "camel-zalo:pace:" + account + ":bucket")).isEqualTo("1");
    }

    @Test
    void withRedisGoneTheFallbackSharePacesLocallyAndTheCallsGoOn() {
        assertThat(send("trước").getException()).isNull();
        redis.kill();

        Exchange during = send("trong khi Redis vắng mặt");

        assertThat(during.getException()).isNull();
        wireMock.verify(2, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void withRedisGoneAndNoFallbackTheCallFailsUnsent() {
        main.getCamelContext().getRegistry().findSingleByType(RedisRateLimiter.class).setFallbackShare(0);
        assertThat(send("trước").getException()).isNull();
        redis.kill();

        Exchange failed = send("không gửi");

        assertThat(failed.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.RATE_LIMITER_UNAVAILABLE);
            assertThat(e.mayHaveBeenProcessed()).isFalse();
            assertThat(e.isRetryable()).isTrue();
        });
        wireMock.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }
}
