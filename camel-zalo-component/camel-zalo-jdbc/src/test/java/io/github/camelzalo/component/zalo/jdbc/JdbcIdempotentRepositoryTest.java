package io.github.camelzalo.component.zalo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.testservers.PostgresServer;
import io.github.camelzalo.testservers.contract.IdempotentRepositoryContract;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The idempotent repository contract on a real PostgreSQL server, two pools standing for two JVMs. */
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
}
