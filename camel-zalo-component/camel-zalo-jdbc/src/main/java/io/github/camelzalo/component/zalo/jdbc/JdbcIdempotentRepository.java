package io.github.camelzalo.component.zalo.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Camel's {@link IdempotentRepository} in a database, atomic under concurrent inserts from any number of instances:
 * a key is a row of {@code zalo_processed} whose primary key is (processor, key), so of two instances adding the
 * same key at once the database refuses one. (Camel's own {@code JdbcMessageIdRepository} checks, then inserts: two
 * instances can both see the key as new, unless its table has a unique constraint.) A key older than {@code expiry}
 * counts as new and is taken over by one update; old rows are deleted now and then.
 * <p>
 * When the database cannot be reached, {@link #add} throws, so Camel's idempotent consumer fails the exchange
 * instead of processing a message it cannot account for.
 */
public class JdbcIdempotentRepository implements IdempotentRepository {

    private static final long PURGE_EVERY_MILLIS = 10 * 60 * 1000L;

    private DataSource dataSource;
    private String processorName = "zalo-events";
    private String table = "zalo_processed";
    private long expiry = 24 * 60 * 60 * 1000L;
    private boolean createTables = true;
    private volatile boolean ready;
    private volatile long lastPurge = System.currentTimeMillis();

    public JdbcIdempotentRepository() {
    }

    public JdbcIdempotentRepository(DataSource dataSource, String processorName) {
        this.dataSource = dataSource;
        this.processorName = processorName;
    }

    /** The statement that creates the table, for a DBA. */
    public String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + table + " (processor_name VARCHAR(255) NOT NULL,"
               + " message_id VARCHAR(512) NOT NULL, created_at BIGINT NOT NULL,"
               + " PRIMARY KEY (processor_name, message_id))";
    }

    @Override
    public boolean add(String key) {
        long now = System.currentTimeMillis();
        purgeNowAndThen(now);
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table
                                                          + " (processor_name, message_id, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, processorName);
                s.setString(2, key);
                s.setLong(3, now);
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!JdbcSupport.isDuplicate(e)) {
                    throw e;
                }
            }
            // there: new only if it expired, and then for one instance only
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET created_at = ?"
                                                          + " WHERE processor_name = ? AND message_id = ?"
                                                          + " AND created_at < ?")) {
                s.setLong(1, now);
                s.setString(2, processorName);
                s.setString(3, key);
                s.setLong(4, now - expiry);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean contains(String key) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE processor_name = ?"
                                                          + " AND message_id = ? AND created_at >= ?")) {
                s.setString(1, processorName);
                s.setString(2, key);
                s.setLong(3, System.currentTimeMillis() - expiry);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public boolean remove(String key) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table
                                                          + " WHERE processor_name = ? AND message_id = ?")) {
                s.setString(1, processorName);
                s.setString(2, key);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE processor_name = ?")) {
                s.setString(1, processorName);
                return s.executeUpdate() >= 0;
            }
        });
    }

    private void purgeNowAndThen(long now) {
        if (now - lastPurge < PURGE_EVERY_MILLIS) {
            return;
        }
        lastPurge = now;
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table
                                                          + " WHERE processor_name = ? AND created_at < ?")) {
                s.setString(1, processorName);
                s.setLong(2, now - expiry);
                return s.executeUpdate() >= 0;
            }
        });
    }

    private boolean run(JdbcSupport.Work<Boolean> work) {
        try {
            if (!ready && createTables) {
                synchronized (this) {
                    if (!ready) {
                        JdbcSupport.createTables(dataSource, ddl());
                        ready = true;
                    }
                }
            }
            return JdbcSupport.inAutoCommit(dataSource, work);
        } catch (SQLException e) {
            throw new RuntimeCamelException("The idempotent repository " + processorName + " in table " + table
                                            + " cannot be reached: " + JdbcSupport.describe(e), e);
        }
    }

    @Override
    public void start() {
        // connections come from the DataSource per call
    }

    @Override
    public void stop() {
        // as above
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getProcessorName() {
        return processorName;
    }

    /** Which consumer the keys belong to, so that two idempotent routes do not share keys. */
    public void setProcessorName(String processorName) {
        this.processorName = processorName;
    }

    public String getTable() {
        return table;
    }

    /** The table (default {@code zalo_processed}). */
    public void setTable(String table) {
        this.table = JdbcSupport.checkedName(table);
    }

    public long getExpiry() {
        return expiry;
    }

    /** How long a key is remembered, ms (default 24 hours). */
    public void setExpiry(long expiry) {
        this.expiry = expiry;
    }

    public boolean isCreateTables() {
        return createTables;
    }

    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    @Override
    public String toString() {
        return "JdbcIdempotentRepository[" + processorName + " in " + table + "]";
    }
}
