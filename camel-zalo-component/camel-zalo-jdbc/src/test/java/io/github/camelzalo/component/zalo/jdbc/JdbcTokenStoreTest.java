package io.github.camelzalo.component.zalo.jdbc;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStoreException;
import io.github.camelzalo.testservers.PostgresServer;
import io.github.camelzalo.testservers.contract.TokenStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token store contract on a real PostgreSQL server, two pools standing for two JVMs. */
class JdbcTokenStoreTest extends TokenStoreContract {

    private static HikariDataSource one;
    private static HikariDataSource two;
    private JdbcTokenStore store;
    private JdbcTokenStore other;

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
    void stores() {
        store = new JdbcTokenStore(one);
        other = new JdbcTokenStore(two);
        store.load(APP, OA);
        Databases.execute(one, "DELETE FROM zalo_tokens", "DELETE FROM zalo_token_leases");
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
    void theTablesAreThePortableOnesTheDocsShow() {
        assertThat(store.ddl()[0]).startsWith("CREATE TABLE IF NOT EXISTS zalo_tokens (app_id VARCHAR(64) NOT NULL");
        Databases.execute(one, "DROP TABLE zalo_tokens", "DROP TABLE zalo_token_leases");
        JdbcTokenStore fresh = new JdbcTokenStore(one);

        assertThat(fresh.load(APP, OA)).isNull();
        assertThat(fresh.save(APP, OA, pair("1"), 0)).isEqualTo(1);
        assertThat(fresh.tryLease(APP, OA, "jvm-a", Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aDatabaseOutOfReachFailsWithTheStoresExceptionAndNoToken() {
        PostgresServer gone = PostgresServer.start();
        HikariDataSource pool = Databases.pool(gone, 2);
        try {
            JdbcTokenStore s = new JdbcTokenStore(pool);
            s.save(APP, OA, pair("secret"), 0);
            gone.kill();

            assertThatThrownBy(() -> s.load(APP, OA)).isInstanceOfSatisfying(ZaloTokenStoreException.class,
                    e -> assertThat(e.getMessage()).contains("Cannot read the tokens of app " + APP + " and OA " + OA)
                            .doesNotContain("access-secret").doesNotContain("refresh-secret"));
            assertThatThrownBy(() -> s.tryLease(APP, OA, "jvm-a", Duration.ofSeconds(5)))
                    .isInstanceOf(ZaloTokenStoreException.class);
            assertThat(s.leaseHolder(APP, OA)).isNull();
        } finally {
            pool.close();
            gone.close();
        }
    }
}
