package io.github.camelzalo.component.zalo.redis;

import java.util.ArrayList;
import java.util.List;

import io.github.camelzalo.testservers.RedisServer;
import io.github.camelzalo.testservers.contract.IdempotentRepositoryContract;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The idempotent repository contract, in-flight lease included, on a real redis-server; and what is Redis's own: the
 * keys it keeps, keys of an earlier version, a lease never longer than the expiry, Redis out of reach.
 */
class RedisIdempotentRepositoryTest extends IdempotentRepositoryContract {

    private RedisServer server;
    private final List<ZaloRedis> connections = new ArrayList<>();

    @BeforeEach
    void redis() {
        server = RedisServer.shared();
    }

    @AfterEach
    void close() {
        connections.forEach(ZaloRedis::stop);
        if (!server.isRunning()) {
            server.restart();
        }
    }

    private ZaloRedis connection() {
        ZaloRedis r = new ZaloRedis(server.uri());
        r.setCommandTimeout(500);
        connections.add(r);
        return r;
    }

    private RedisIdempotentRepository repo(String processor, long expiry) {
        RedisIdempotentRepository repo = new RedisIdempotentRepository(connection(), processor);
        repo.setExpiry(expiry);
        return repo;
    }

    @Override
    protected IdempotentRepository repository(String processor, long expiryMillis) {
        return repo(processor, expiryMillis);
    }

    @Override
    protected IdempotentRepository otherRepository(String processor, long expiryMillis) {
        return repo(processor, expiryMillis);
    }

    @Override
    protected RedisIdempotentRepository withDefaults() {
        return new RedisIdempotentRepository(connection(), "events");
    }

    @Override
    protected RedisIdempotentRepository leased(long leaseMillis, boolean other) {
        RedisIdempotentRepository repo = repo("events", 60_000);
        repo.setInFlightLease(leaseMillis);
        return repo;
    }

    @Override
    protected String storedState(String key) {
        return server.command("GET", "camel-zalo:seen:events:" + key);
    }

    @Override
    protected long storedMillisLeft(String key) {
        return pttl("camel-zalo:seen:events:" + key);
    }

    private long pttl(String key) {
        return Long.parseLong(server.command("PTTL", key));
    }

    @Test
    void theDefaultLeaseIsFiveMinutes() {
        assertThat(withDefaults().getInFlightLease()).isEqualTo(300_000L);
    }

    @Test
    void aKeyOfAnEarlierVersionCountsAsConfirmed() {
        server.command("SET", "camel-zalo:seen:events:evt-old", "1", "PX", "60000");
        assertThat(repo("events", 60_000).isConfirmed("evt-old")).isTrue();
        assertThat(repo("events", 60_000).isConfirmed("evt-none")).isFalse();
    }

    @Test
    void theLeaseIsNeverLongerThanTheExpiry() {
        repo("events", 2_000).add("evt-short");
        assertThat(pttl("camel-zalo:seen:events:evt-short")).isBetween(1L, 2_000L);
    }

    @Test
    void aRedisOutOfReachFailsTheAddInsteadOfSayingTheKeyIsNew() {
        RedisIdempotentRepository repo = repo("events", 60_000);
        repo.add("warm");
        server.kill();

        assertThatThrownBy(() -> repo.add("evt-while-down")).isInstanceOf(RuntimeException.class);
    }
}
