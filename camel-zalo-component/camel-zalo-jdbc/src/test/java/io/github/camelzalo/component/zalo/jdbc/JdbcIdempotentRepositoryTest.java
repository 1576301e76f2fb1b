package io.github.camelzalo.component.zalo.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

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
 * The idempotent repository contract, in-flight lease included, on a real PostgreSQL server, two pools standing for
 * two JVMs; and what is the table's own: the rows it keeps, a confirm after its row was gone.
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

    @Override
    protected JdbcIdempotentRepository withDefaults() {
        return new JdbcIdempotentRepository(one, "events");
    }

    @Override
    protected JdbcIdempotentRepository leased(long leaseMillis, boolean other) {
        return leased(other ? two : one, leaseMillis);
    }

    private static JdbcIdempotentRepository leased(HikariDataSource pool, long lease) {
        JdbcIdempotentRepository repo = new JdbcIdempotentRepository(pool, "events");
        repo.setExpiry(60_000);
        repo.setInFlightLease(lease);
        return repo;
    }

    @Override
    protected String storedState(String key) throws Exception {
        Object[] row = row(key);
        return row == null ? null : (String) row[0];
    }

    @Override
    protected long storedMillisLeft(String key) throws Exception {
        return (Long) row(key)[1];
    }

    @Test
    void theDefaultLeaseIsFiveMinutes() {
        assertThat(withDefaults().getInFlightLease()).isEqualTo(300_000L);
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
    void aConfirmWhoseLeaseWasGoneStillMarksTheKeyDone() throws Exception {
        JdbcIdempotentRepository repo = leased(one, 60_000);
        assertThat(repo.add("evt-late")).isTrue();
        Databases.execute(one, "DELETE FROM zalo_processed");

        assertThat(repo.confirm("evt-late")).isTrue();

        assertThat(row("evt-late")[0]).isEqualTo("done");
        assertThat(leased(two, 60_000).add("evt-late")).isFalse();
    }
}
