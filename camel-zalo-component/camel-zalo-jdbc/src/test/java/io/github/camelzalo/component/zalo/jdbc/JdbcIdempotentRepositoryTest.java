package io.github.camelzalo.component.zalo.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.testservers.PostgresServer;
import io.github.camelzalo.testservers.contract.IdempotentRepositoryContract;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotent repository contract on a real PostgreSQL server, two pools standing for two JVMs; and the in-flight
 * lease: a key added is a lease that ends on its own unless confirmed, and a stale lease is taken over by exactly one
 * of many instances at once.
 */
class JdbcIdempotentRepositoryTest extends IdempotentRepositoryContract {

    private static HikariDataSource one;
    private static HikariDataSource two;

    @BeforeAll
    static void pools() {
        PostgresServer server = PostgresServer.shared();
        one = Databases.pool(server, 8);
        two = Databases.pool(server, 8);
    }

    @AfterAll
    static void close() {
        one.close();
        two.close();
    }

    @BeforeEach
    void empty() {
        new JdbcIdempotentRepository(one, "any").contains("x");
        Databases.execute(one, "DELETE FROM zalo_processed");
    }

    @Override
    protected IdempotentRepository repository(String processor, long expiryMillis) {
        JdbcIdempotentRepository repo = new JdbcIdempotentRepository(one, processor);
        repo.setExpiry(expiryMillis);
        return repo;
    }

    @Override
    protected IdempotentRepository otherRepository(String processor, long expiryMillis) {
        JdbcIdempotentRepository repo = new JdbcIdempotentRepository(two, processor);
        repo.setExpiry(expiryMillis);
        return repo;
    }

    private static JdbcIdempotentRepository leased(HikariDataSource pool, long lease) {
        JdbcIdempotentRepository repo = new JdbcIdempotentRepository(pool, "events");
        repo.setExpiry(60_000);
        repo.setInFlightLease(lease);
        return repo;
    }

    /** The row's state and how long until it expires, ms, or {@code null} when there is none. */
    private static Object[] row(String key) throws Exception {
        try (Connection c = one.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state, expires_at FROM zalo_processed WHERE processor_name = 'events' AND message_id = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Object[] { r.getString(1), r.getLong(2) - System.currentTimeMillis() } : null;
            }
        }
    }

    @Test
    void aKeyIsALeasedRowThenADoneRowWithItsExpiry() throws Exception {
        JdbcIdempotentRepository repo = new JdbcIdempotentRepository(one, "events");
        assertThat(repo.getInFlightLease()).as("the default lease").isEqualTo(300_000L);
        assertThat(repo.add("evt-1")).isTrue();

        assertThat(row("evt-1")[0]).isEqualTo("leased");
        assertThat((Long) row("evt-1")[1]).isBetween(295_000L, 300_000L);
        assertThat(repo.isConfirmed("evt-1")).isFalse();

        assertThat(repo.confirm("evt-1")).isTrue();

        assertThat(row("evt-1")[0]).isEqualTo("done");
        assertThat((Long) row("evt-1")[1]).isBetween(24 * 3_600_000L - 5_000, 24 * 3_600_000L);
        assertThat(repo.isConfirmed("evt-1")).isTrue();
    }

    @Test
    void theLeaseOfAKeyNeverConfirmedEndsOnItsOwnAndAnotherInstanceTakesIt() throws Exception {
        JdbcIdempotentRepository dead = leased(one, 400);
        JdbcIdempotentRepository other = leased(two, 400);
        assertThat(dead.add("evt-stall")).isTrue();
        assertThat(other.add("evt-stall")).as("in flight").isFalse();
        assertThat(other.isConfirmed("evt-stall")).isFalse();
        assertThat(other.contains("evt-stall")).isTrue();

        Thread.sleep(600);

        assertThat(other.contains("evt-stall")).isFalse();
        assertThat(other.add("evt-stall")).as("the lease of an instance that died ended").isTrue();
        assertThat(dead.add("evt-stall")).isFalse();
        assertThat(row("evt-stall")[0]).isEqualTo("leased");
    }

    @Test
    void aConfirmedKeyOutlivesTheLeaseAndIsADuplicate() throws Exception {
        JdbcIdempotentRepository repo = leased(one, 400);
        JdbcIdempotentRepository other = leased(two, 400);
        assertThat(repo.add("evt-ok")).isTrue();
        assertThat(repo.confirm("evt-ok")).isTrue();

        Thread.sleep(600);

        assertThat(other.add("evt-ok")).isFalse();
        assertThat(other.isConfirmed("evt-ok")).isTrue();
        assertThat((Long) row("evt-ok")[1]).isGreaterThan(55_000L);
    }

    @Test
    void aConfirmWhoseLeaseWasGoneStillMarksTheKeyDone() throws Exception {
        JdbcIdempotentRepository repo = leased(one, 60_000);
        assertThat(repo.add("evt-late")).isTrue();
        Databases.execute(one, "DELETE FROM zalo_processed");

        assertThat(repo.confirm("evt-late")).isTrue();

        assertThat(row("evt-late")[0]).isEqualTo("done");
        assertThat(leased(two, 60_000).add("evt-late")).isFalse();
    }

    @Test
    void aStaleLeaseIsTakenOverByExactlyOneOfManyConcurrentAdders() throws Exception {
        List<JdbcIdempotentRepository> instances = List.of(leased(one, 300), leased(two, 300));
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "evt-takeover-" + round;
                assertThat(instances.get(0).add(key)).isTrue();
                Thread.sleep(450);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> adds = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    JdbcIdempotentRepository r = instances.get(i % 2);
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
}
