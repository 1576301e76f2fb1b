package io.github.camelzalo.component.zalo.redis.springboot;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.pacing.ZaloRateLimiter;
import io.github.camelzalo.component.zalo.redis.RedisIdempotentRepository;
import io.github.camelzalo.component.zalo.redis.RedisRateLimiter;
import io.github.camelzalo.component.zalo.redis.RedisTokenStore;
import io.github.camelzalo.component.zalo.redis.ZaloRedis;
import io.lettuce.core.RedisClient;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The shared state of several instances on Redis, for a Spring Boot application that has Lettuce and sets
 * {@code camel.component.zalo.redis.uri}: a {@link ZaloRedis}, and on it the rate limiter, the token store and an
 * idempotent repository, each unless the application defines its own (or turns it off). The component finds them in
 * the registry.
 */
@AutoConfiguration
@ConditionalOnClass({ RedisClient.class, ZaloRedis.class })
@ConditionalOnProperty(prefix = "camel.component.zalo.redis", name = "uri")
@EnableConfigurationProperties(ZaloRedisProperties.class)
public class ZaloRedisAutoConfiguration {

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    public ZaloRedis zaloRedis(ZaloRedisProperties p) {
        ZaloRedis redis = new ZaloRedis(p.getUri());
        redis.setPassword(p.getPassword());
        redis.setKeyPrefix(p.getKeyPrefix());
        redis.setCommandTimeout(p.getCommandTimeout());
        return redis;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ZaloRateLimiter.class)
    @ConditionalOnBean(ZaloRedis.class)
    @ConditionalOnProperty(prefix = "camel.component.zalo.redis", name = "rate-limiter", matchIfMissing = true)
    public RedisRateLimiter zaloRateLimiter(ZaloRedis redis, ZaloRedisProperties p) {
        RedisRateLimiter limiter = new RedisRateLimiter(redis);
        limiter.setFallbackShare(p.getFallbackShare());
        limiter.setMaxRateLimitedInARow(p.getMaxRateLimitedInARow());
        return limiter;
    }

    @Bean
    @ConditionalOnMissingBean(ZaloTokenStore.class)
    @ConditionalOnBean(ZaloRedis.class)
    @ConditionalOnProperty(prefix = "camel.component.zalo.redis", name = "token-store", matchIfMissing = true)
    public RedisTokenStore zaloTokenStore(ZaloRedis redis, ZaloRedisProperties p) {
        RedisTokenStore store = new RedisTokenStore(redis);
        store.setReplicasToWait(p.getReplicasToWait());
        return store;
    }

    @Bean
    @ConditionalOnMissingBean(IdempotentRepository.class)
    @ConditionalOnBean(ZaloRedis.class)
    @ConditionalOnProperty(prefix = "camel.component.zalo.redis", name = "idempotent-repository",
                           matchIfMissing = true)
    public RedisIdempotentRepository zaloIdempotentRepository(ZaloRedis redis, ZaloRedisProperties p) {
        RedisIdempotentRepository repo = new RedisIdempotentRepository(redis, p.getProcessorName());
        repo.setExpiry(p.getIdempotentExpiry());
        repo.setInFlightLease(p.getIdempotentInFlightLease());
        return repo;
    }
}
