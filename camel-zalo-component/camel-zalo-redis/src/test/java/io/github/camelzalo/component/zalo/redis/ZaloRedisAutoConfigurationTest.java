package io.github.camelzalo.component.zalo.redis;

import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.pacing.ZaloRateLimiter;
import io.github.camelzalo.component.zalo.redis.springboot.ZaloRedisAutoConfiguration;
import io.github.camelzalo.testservers.RedisServer;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Boot: the Redis beans come with camel.component.zalo.redis.uri, bound from properties, and step aside. */
class ZaloRedisAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZaloRedisAutoConfiguration.class));

    @Test
    void nothingWithoutAUri() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ZaloRedis.class);
            assertThat(context).doesNotHaveBean(ZaloRateLimiter.class);
        });
    }

    @Test
    void theSharedStateFromPropertiesOnARealRedis() {
        RedisServer server = RedisServer.shared();
        runner.withPropertyValues("camel.component.zalo.redis.uri=" + server.uri(),
                "camel.component.zalo.redis.key-prefix=shop:", "camel.component.zalo.redis.command-timeout=750",
                "camel.component.zalo.redis.fallback-share=0.34",
                "camel.component.zalo.redis.processor-name=orders-events",
                "camel.component.zalo.redis.idempotent-in-flight-lease=120000").run(context -> {
                    assertThat(context.getBean(ZaloRedis.class).getKeyPrefix()).isEqualTo("shop:");
                    assertThat(context.getBean(ZaloRedis.class).getCommandTimeout()).isEqualTo(750);
                    assertThat(context.getBean(ZaloRateLimiter.class)).isInstanceOfSatisfying(
                            RedisRateLimiter.class, l -> assertThat(l.getFallbackShare()).isEqualTo(0.34));
                    IdempotentRepository repo = context.getBean(IdempotentRepository.class);
                    assertThat(repo.add("evt-1")).isTrue();
                    assertThat(server.command("EXISTS", "shop:seen:orders-events:evt-1")).isEqualTo("1");
                    assertThat(Long.parseLong(server.command("PTTL", "shop:seen:orders-events:evt-1")))
                            .isBetween(115_000L, 120_000L);
                    assertThat(context.getBean(ZaloTokenStore.class)).isInstanceOf(RedisTokenStore.class);
                });
    }

    @Test
    void theApplicationsOwnBeansWinAndPartsCanBeTurnedOff() {
        runner.withPropertyValues("camel.component.zalo.redis.uri=redis://127.0.0.1:1",
                "camel.component.zalo.redis.rate-limiter=false")
                .withBean(ZaloTokenStore.class, InMemoryTokenStore::new).run(context -> {
                    assertThat(context).hasSingleBean(ZaloRedis.class);
                    assertThat(context).doesNotHaveBean(ZaloRateLimiter.class);
                    assertThat(context.getBean(ZaloTokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
                });
    }
}
