package io.github.camelzalo.component.zalo.jdbc.springboot;

import javax.sql.DataSource;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.jdbc.JdbcIdempotentRepository;
import io.github.camelzalo.component.zalo.jdbc.JdbcTokenStore;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The shared state of several instances in the application's database, for a Spring Boot application with one
 * {@link DataSource}: the token store with {@code camel.component.zalo.jdbc.token-store=true}, an idempotent
 * repository with {@code camel.component.zalo.jdbc.idempotent-repository=true}, each unless the application defines
 * its own. The component finds them in the registry.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ DataSource.class, JdbcTokenStore.class })
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(ZaloJdbcProperties.class)
public class ZaloJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ZaloTokenStore.class)
    @ConditionalOnProperty(prefix = "camel.component.zalo.jdbc", name = "token-store", havingValue = "true")
    public JdbcTokenStore zaloTokenStore(DataSource dataSource, ZaloJdbcProperties p) {
        JdbcTokenStore store = new JdbcTokenStore(dataSource);
        store.setTokensTable(p.getTokensTable());
        store.setLeasesTable(p.getLeasesTable());
        store.setCreateTables(p.isCreateTables());
        return store;
    }

    @Bean
    @ConditionalOnMissingBean(IdempotentRepository.class)
    @ConditionalOnProperty(prefix = "camel.component.zalo.jdbc", name = "idempotent-repository",
                           havingValue = "true")
    public JdbcIdempotentRepository zaloIdempotentRepository(DataSource dataSource, ZaloJdbcProperties p) {
        JdbcIdempotentRepository repo = new JdbcIdempotentRepository(dataSource, p.getProcessorName());
        repo.setTable(p.getProcessedTable());
        repo.setExpiry(p.getIdempotentExpiry());
        repo.setInFlightLease(p.getIdempotentInFlightLease());
        repo.setCreateTables(p.isCreateTables());
        return repo;
    }
}
