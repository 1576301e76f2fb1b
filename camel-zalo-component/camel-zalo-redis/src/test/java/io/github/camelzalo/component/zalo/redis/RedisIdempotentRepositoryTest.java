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

/** The idempotent repository contract on a real redis-server. */
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

    private RedisIdempotentRepository repo(String processor, long expiry) {
        ZaloRedis r = new ZaloRedis(server.uri());
        r.setCommandTimeout(500);
        connections.add(r);
        RedisIdempotentRepository repo = new RedisIdempotentRepository(r, processor);
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

    @Test
    void aKeyIsOneSetNxWithItsExpiry() {
        repo("events", 90_000).add("evt-1");

        assertThat(server.command("GET", "camel-zalo:seen:events:evt-1")).isEqualTo("1");
        assertThat(Long.parseLong(server.command("PTTL", "camel-zalo:seen:events:evt-1"))).isBetween(85_000L,
                90_000L);
    }

    @Test
    void aRedisOutOfReachFailsTheAddInsteadOfSayingTheKeyIsNew() {
        RedisIdempotentRepository repo = repo("events", 60_000);
        repo.add("warm");
        server.kill();

        assertThatThrownBy(() -> repo.add("evt-while-down")).isInstanceOf(RuntimeException.class);
    }
}
