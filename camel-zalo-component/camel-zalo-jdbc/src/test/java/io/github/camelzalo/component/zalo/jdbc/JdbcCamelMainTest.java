package io.github.camelzalo.component.zalo.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.console.ZaloDevConsole;
import io.github.camelzalo.testservers.PostgresServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.main.Main;
import org.apache.camel.util.json.JsonObject;
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

    /**
     * The zalo dev console of a replica shows who holds the refresh lease of an OA in the shared store while another
     * replica refreshes, in text and JSON; the holder is a process name, never a token.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theConsoleShowsTheReplicaThatHoldsAnOasRefreshLease() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String app = "4318000000000000077";
        String oa = "1600190000752877";
        Main main = new Main();
        main.addInitialProperty("camel.beans.zaloDataSource", "#class:com.zaxxer.hikari.HikariDataSource");
        main.addInitialProperty("camel.beans.zaloDataSource.jdbc-url", pg.jdbcUrl());
        main.addInitialProperty("camel.beans.zaloDataSource.username", PostgresServer.USER);
        main.addInitialProperty("camel.beans.zaloTokenStore",
                "#class:io.github.camelzalo.component.zalo.jdbc.JdbcTokenStore");
        main.addInitialProperty("camel.beans.zaloTokenStore.data-source", "#bean:zaloDataSource");
        main.addInitialProperty("camel.component.zalo.zalo.app-id", app);
        main.addInitialProperty("camel.component.zalo.zalo.app-secret", "zalo-secret-app-lease-41");
        main.addInitialProperty("camel.component.zalo.zalo.refresh-token", "zalo-token-refresh-lease-42");
        main.addInitialProperty("camel.component.zalo.oa-id", oa);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reply").to("zalo:send?provider=zalo");
            }
        });
        main.start();
        try (HikariDataSource otherReplica = Databases.pool(pg, 2)) {
            JdbcTokenStore other = new JdbcTokenStore(otherReplica);
            other.releaseLease(app, oa, "4242@replica-b/7f3a");
            assertThat(other.tryLease(app, oa, "4242@replica-b/7f3a", Duration.ofSeconds(30))).isTrue();
            ZaloDevConsole console = new ZaloDevConsole();
            console.setCamelContext(main.getCamelContext());
            console.start();

            String text = (String) console.call(DevConsole.MediaType.TEXT);
            JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);

            assertThat(text).contains("Tokens of app " + app, "    OA " + oa + ": ",
                    ", refresh lease held by 4242@replica-b/7f3a");
            List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
            List<Map<String, Object>> tokens = (List<Map<String, Object>>) components.get(0).get("tokens");
            assertThat(tokens).singleElement().satisfies(t -> assertThat(t).containsEntry("oaId", oa)
                    .containsEntry("leaseHolder", "4242@replica-b/7f3a"));

            other.releaseLease(app, oa, "4242@replica-b/7f3a");
            assertThat((String) console.call(DevConsole.MediaType.TEXT)).doesNotContain("refresh lease held by");
            assertThat(text + json.toJson()).doesNotContain("zalo-secret-app-lease-41", "zalo-token-refresh-lease-42");
        } finally {
            main.stop();
        }
    }
}
