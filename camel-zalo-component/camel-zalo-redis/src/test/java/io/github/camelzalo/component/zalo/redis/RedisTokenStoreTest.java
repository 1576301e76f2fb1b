package io.github.camelzalo.component.zalo.redis;

import java.util.ArrayList;
import java.util.List;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStoreException;
import io.github.camelzalo.testservers.RedisServer;
import io.github.camelzalo.testservers.contract.TokenStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store contract on a real redis-server, and what a Redis out of reach does to it. */
class RedisTokenStoreTest extends TokenStoreContract {

    private RedisServer server;
    private final List<ZaloRedis> connections = new ArrayList<>();
    private RedisTokenStore store;
    private RedisTokenStore other;

    @BeforeEach
    void stores() {
        server = RedisServer.shared();
        store = new RedisTokenStore(redis());
        other = new RedisTokenStore(redis());
    }

    private ZaloRedis redis() {
        ZaloRedis r = new ZaloRedis(server.uri());
        r.setCommandTimeout(500);
        connections.add(r);
        return r;
    }

    @AfterEach
    void close() {
        connections.forEach(ZaloRedis::stop);
        if (!server.isRunning()) {
            server.restart();
        }
    }

    @Override
    protected ZaloTokenStore store() {
        return store;
    }

    @Override
    protected ZaloTokenStore otherStore() {
        return other;
    }

    @Test
    void thePairAndItsLeaseLiveUnderThePrefix() {
        store.save(APP, OA, pair("1"), 0);
        store.tryLease(APP, OA, "jvm-a", java.time.Duration.ofSeconds(30));

        assertThat(server.command("HGET", "camel-zalo:tokens:" + APP + ":" + OA, "version")).isEqualTo("1");
        assertThat(server.command("GET", "camel-zalo:tokens:" + APP + ":" + OA + ":lease")).isEqualTo("jvm-a");
        long ttl = Long.parseLong(server.command("PTTL", "camel-zalo:tokens:" + APP + ":" + OA + ":lease"));
        assertThat(ttl).isBetween(25_000L, 30_000L);
    }

    @Test
    void aRedisThatDoesNotAnswerFailsWithinTheCommandTimeoutAndSaysWhere() {
        store.save(APP, OA, pair("1"), 0);
        server.freeze();
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.load(APP, OA)).isInstanceOfSatisfying(ZaloTokenStoreException.class,
                    e -> assertThat(e.getMessage()).contains("Redis at 127.0.0.1:" + server.port())
                            .contains("OA " + OA).doesNotContain("access-1"));
            assertThatThrownBy(() -> store.tryLease(APP, OA, "jvm-a", java.time.Duration.ofSeconds(30)))
                    .isInstanceOf(ZaloTokenStoreException.class);
            assertThat((System.nanoTime() - started) / 1e6).isLessThan(3000);
        } finally {
            server.thaw();
        }
        assertThat(store.load(APP, OA).version()).isEqualTo(1);
    }

    @Test
    void aStoredValueThatIsNotAPairSaysSoWithoutShowingIt() {
        server.command("HSET", "camel-zalo:tokens:" + APP + ":" + OA, "version", "3", "pair", "{not json access-x");

        assertThatThrownBy(() -> store.load(APP, OA)).isInstanceOfSatisfying(ZaloTokenStoreException.class,
                e -> assertThat(e.getMessage()).contains("not a valid token pair").doesNotContain("access-x"));
    }
}
