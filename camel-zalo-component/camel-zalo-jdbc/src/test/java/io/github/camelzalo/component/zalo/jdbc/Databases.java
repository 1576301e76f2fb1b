package io.github.camelzalo.component.zalo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.testservers.PostgresServer;

/** Pools on the real PostgreSQL server, as an application has one. */
final class Databases {

    private Databases() {
    }

    static HikariDataSource pool(PostgresServer server, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(2000);
        config.setPoolName("zalo-test-" + server.port());
        return new HikariDataSource(config);
    }

    static void execute(DataSource ds, String... sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
