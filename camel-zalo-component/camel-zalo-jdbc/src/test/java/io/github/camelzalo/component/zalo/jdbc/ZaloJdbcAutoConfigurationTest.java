package io.github.camelzalo.component.zalo.jdbc;

import java.time.Duration;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.jdbc.springboot.ZaloJdbcAutoConfiguration;
import io.github.camelzalo.testservers.PostgresServer;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Boot: on the application's DataSource (spring.datasource.*), the parts that were turned on. */
class ZaloJdbcAutoConfigurationTest {

    @Test
    void onTheApplicationsDataSourceWhenTurnedOn() {
        PostgresServer pg = PostgresServer.shared();
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        ZaloJdbcAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + pg.jdbcUrl(),
                        "spring.datasource.username=" + PostgresServer.USER);

        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ZaloTokenStore.class);
            assertThat(context).doesNotHaveBean(IdempotentRepository.class);
        });
        runner.withPropertyValues("camel.component.zalo.jdbc.token-store=true",
                "camel.component.zalo.jdbc.idempotent-repository=true",
                "camel.component.zalo.jdbc.tokens-table=shop_zalo_tokens",
                "camel.component.zalo.jdbc.processor-name=orders",
                "camel.component.zalo.jdbc.idempotent-in-flight-lease=120000").run(context -> {
                    ZaloTokenStore store = context.getBean(ZaloTokenStore.class);
                    assertThat(store).isInstanceOf(JdbcTokenStore.class);
                    assertThat(store.tryLease("1", "2", "me", Duration.ofSeconds(1))).isTrue();
                    assertThat(store.load("1", "2")).isNull();
                    assertThat(((JdbcTokenStore) store).getTokensTable()).isEqualTo("shop_zalo_tokens");
                    IdempotentRepository repo = context.getBean(IdempotentRepository.class);
                    repo.clear();
                    assertThat(repo.add("evt")).isTrue();
                    assertThat(repo.add("evt")).isFalse();
                    assertThat(((JdbcIdempotentRepository) repo).getInFlightLease()).isEqualTo(120_000L);
                });
    }
}
