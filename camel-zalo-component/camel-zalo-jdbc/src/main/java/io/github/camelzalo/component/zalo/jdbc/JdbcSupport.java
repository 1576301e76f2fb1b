package io.github.camelzalo.component.zalo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * How the JDBC stores talk to the database: each statement in a connection of its own in auto-commit mode (so a
 * refused insert ends nothing else, which PostgreSQL would otherwise do to a whole transaction), tables created when
 * missing, and a unique-key violation told apart from a failure.
 */
final class JdbcSupport {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private JdbcSupport() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T inAutoCommit(DataSource dataSource, Work<T> work) throws SQLException {
        if (dataSource == null) {
            throw new SQLException("No DataSource is set");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean was = c.getAutoCommit();
            if (!was) {
                c.setAutoCommit(true);
            }
            try {
                return work.run(c);
            } finally {
                if (!was) {
                    c.setAutoCommit(false);
                }
            }
        }
    }

    /** A duplicate key: SQLSTATE class 23 (integrity constraint violation). */
    static boolean isDuplicate(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x instanceof SQLIntegrityConstraintViolationException
                || x.getSQLState() != null && x.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** Runs each {@code CREATE TABLE IF NOT EXISTS}; a table another instance created at the same time is fine. */
    static void createTables(DataSource dataSource, String... ddl) throws SQLException {
        for (String statement : ddl) {
            try {
                inAutoCommit(dataSource, c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                    return null;
                });
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e;
                }
            }
        }
    }

    /** A table name that can be put into SQL as it is. */
    static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A table name is letters, digits and _ (at most 63), starting with a"
                                               + " letter or _, but was " + name);
        }
        return name;
    }

    /** The failure, for a message: its class and message, which with JDBC drivers name the SQL, not the values. */
    static String describe(SQLException e) {
        return e.getClass().getSimpleName() + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "")
               + ": " + e.getMessage();
    }
}
