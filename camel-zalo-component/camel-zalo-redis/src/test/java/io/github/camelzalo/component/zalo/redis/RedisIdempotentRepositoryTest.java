package io.github.camelzalo.component.zalo.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelzalo.testservers.RedisServer;
import io.github.camelzalo.testservers.contract.IdempotentRepositoryContract;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The idempotent repository contract on a real redis-server, and the in-flight lease: a key added is a lease that
 * ends on its own unless confirmed, and a stale lease is taken over by exactly one of many instances.
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

    private long pttl(String key) {
        return Long.parseLong(server.command("PTTL", key));
    }

    @Test
    void aKeyIsOneSetNxWithTheLeaseThenDoneWithItsExpiry() {
        RedisIdempotentRepository repo = repo("events", 24 * 3_600_000L);
        assertThat(repo.getInFlightLease()).as("the default lease").isEqualTo(300_000L);
        repo.add("evt-1");

        assertThat(server.command("GET", "camel-zalo:seen:events:evt-1")).isEqualTo("leased");
        assertThat(pttl("camel-zalo:seen:events:evt-1")).isBetween(295_000L, 300_000L);
        assertThat(repo.isConfirmed("evt-1")).isFalse();

        assertThat(repo.confirm("evt-1")).isTrue();

        assertThat(server.command("GET", "camel-zalo:seen:events:evt-1")).isEqualTo("done");
        assertThat(pttl("camel-zalo:seen:events:evt-1")).isBetween(24 * 3_600_000L - 5_000, 24 * 3_600_000L);
        assertThat(repo.isConfirmed("evt-1")).isTrue();
    }

    @Test
    void theLeaseOfAKeyNeverConfirmedEndsOnItsOwnAndAnotherInstanceTakesIt() throws Exception {
        RedisIdempotentRepository dead = repo("events", 60_000);
        dead.setInFlightLease(400);
        RedisIdempotentRepository other = repo("events", 60_000);
        other.setInFlightLease(400);
        assertThat(dead.add("evt-stall")).isTrue();
        assertThat(other.add("evt-stall")).as("in flight").isFalse();
        assertThat(other.isConfirmed("evt-stall")).isFalse();
        assertThat(other.contains("evt-stall")).isTrue();

        Thread.sleep(600);

        assertThat(other.contains("evt-stall")).isFalse();
        assertThat(other.add("evt-stall")).as("the lease of an instance that died ended").isTrue();
        assertThat(dead.add("evt-stall")).isFalse();
    }

    @Test
    void aConfirmedKeyOutlivesTheLeaseAndIsADuplicate() throws Exception {
        RedisIdempotentRepository repo = repo("events", 60_000);
        repo.setInFlightLease(400);
        RedisIdempotentRepository other = repo("events", 60_000);
        assertThat(repo.add("evt-ok")).isTrue();
        assertThat(repo.confirm("evt-ok")).isTrue();

        Thread.sleep(600);

        assertThat(other.add("evt-ok")).isFalse();
        assertThat(other.isConfirmed("evt-ok")).isTrue();
        assertThat(pttl("camel-zalo:seen:events:evt-ok")).isGreaterThan(55_000L);
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
    void aStaleLeaseIsTakenOverByExactlyOneOfManyConcurrentAdders() throws Exception {
        List<RedisIdempotentRepository> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RedisIdempotentRepository r = repo("events", 60_000);
            r.setInFlightLease(300);
            instances.add(r);
        }
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "evt-takeover-" + round;
                assertThat(instances.get(0).add(key)).isTrue();
                Thread.sleep(450);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> adds = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    RedisIdempotentRepository r = instances.get(i % 3);
                    adds.add(threads.submit(() -> {
                        go.await();
                        return r.add(key);
                    }));
                }
                go.countDown();
                int taken = 0;
                for (Future<Boolean> f : adds) {
                    taken += f.get() ? 1 : 0;
                }
                assertThat(taken).as(key).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRedisOutOfReachFailsTheAddInsteadOfSayingTheKeyIsNew() {
        RedisIdempotentRepository repo = repo("events", 60_000);
        repo.add("warm");
        server.kill();

        assertThatThrownBy(() -> repo.add("evt-while-down")).isInstanceOf(RuntimeException.class);
    }
}
