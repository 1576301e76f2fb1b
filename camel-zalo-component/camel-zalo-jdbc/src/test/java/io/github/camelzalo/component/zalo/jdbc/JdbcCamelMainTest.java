package io.github.camelzalo.component.zalo.jdbc;

import java.time.Duration;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.testservers.PostgresServer;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel Main: a pool, the token store and the idempotent repository from camel.beans.* properties alone. */
class JdbcCamelMainTest {

    @Test
    void theStoresFromPropertiesWorkOnTheRealDatabase() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        Main main = new Main();
        main.addInitialProperty("camel.beans.zaloDataSource", "#class:com.zaxxer.hikari.HikariDataSource");
        main.addInitialProperty("camel.beans.zaloDataSource.jdbc-url", pg.jdbcUrl());
        main.addInitialProperty("camel.beans.zaloDataSource.username", PostgresServer.USER);
        main.addInitialProperty("camel.beans.zaloTokenStore",
                "#class:io.github.camelzalo.component.zalo.jdbc.JdbcTokenStore");
        main.addInitialProperty("camel.beans.zaloTokenStore.data-source", "#bean:zaloDataSource");
        main.addInitialProperty("camel.beans.zaloEvents",
                "#class:io.github.camelzalo.component.zalo.jdbc.JdbcIdempotentRepository");
        main.addInitialProperty("camel.beans.zaloEvents.data-source", "#bean:zaloDataSource");
        main.addInitialProperty("camel.beans.zaloEvents.processor-name", "main-events");
        main.start();
        try {
            ZaloTokenStore store = main.getCamelContext().getRegistry().findSingleByType(ZaloTokenStore.class);
            assertThat(store).isInstanceOf(JdbcTokenStore.class);
            assertThat(store.tryLease("31", "32", "main", Duration.ofSeconds(1))).isTrue();
            IdempotentRepository repo = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("zaloEvents", IdempotentRepository.class);
            repo.clear();
            assertThat(repo.add("evt-main")).isTrue();
            assertThat(repo.add("evt-main")).isFalse();
        } finally {
            main.stop();
        }
    }
}
