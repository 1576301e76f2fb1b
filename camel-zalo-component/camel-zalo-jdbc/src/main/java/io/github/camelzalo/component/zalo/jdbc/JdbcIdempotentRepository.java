package io.github.camelzalo.component.zalo.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.camelzalo.component.zalo.events.LeasedIdempotentRepository;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Camel's {@link IdempotentRepository} in a database, atomic under concurrent inserts from any number of instances:
 * a key is a row of {@code zalo_processed} whose primary key is (processor, key), so of two instances adding the
 * same key at once the database refuses one. (Camel's own {@code JdbcMessageIdRepository} checks, then inserts: two
 * instances can both see the key as new, unless its table has a unique constraint.)
 * <p>
 * {@link #add} takes a key as a lease, {@code state} {@code leased} until {@code expires_at}, {@code inFlightLease}
 * from now: should the instance die before its route ends, the key becomes new again on its own, and the sender's next
 * retry is processed elsewhere. {@link #confirm} (the route succeeded) sets it {@code done} for {@code expiry};
 * {@link #remove} (it failed) deletes it. A row whose {@code expires_at} has passed counts as new and is taken over by
 * one conditional update, which the database runs for one instance only; old rows are deleted now and then. The
 * times are the instances' clocks: keep them in step (NTP) to well within the lease.
 * <p>
 * When the database cannot be reached, {@link #add} throws, so Camel's idempotent consumer fails the exchange
 * instead of processing a message it cannot account for.
 */
public class JdbcIdempotentRepository implements LeasedIdempotentRepository {

    private static final long PURGE_EVERY_MILLIS = 10 * 60 * 1000L;
    private static final String LEASED = "leased";
    private static final String DONE = "done";

    private DataSource dataSource;
    private String processorName = "zalo-events";
    private String table = "zalo_processed";
    private long expiry = 24 * 60 * 60 * 1000L;
    private long inFlightLease = 5 * 60 * 1000L;
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
               + " message_id VARCHAR(512) NOT NULL, state VARCHAR(8) NOT NULL, expires_at BIGINT NOT NULL,"
               + " PRIMARY KEY (processor_name, message_id))";
    }

    @Override
    public boolean add(String key) {
        long now = System.currentTimeMillis();
        purgeNowAndThen(now);
        long until = now + Math.min(inFlightLease, expiry);
        return run(c -> {
            // a row deleted or expired between two statements is tried again, so that a free key is not refused
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(c, key, LEASED, until)) {
                    return true;
                }
                // there: new only if it expired, and then for one instance only (the update locks the row, and a
                // second one sees the new expires_at)
                try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET state = ?, expires_at = ?"
                                                              + " WHERE processor_name = ? AND message_id = ?"
                                                              + " AND expires_at <= ?")) {
                    s.setString(1, LEASED);
                    s.setLong(2, until);
                    s.setString(3, processorName);
                    s.setString(4, key);
                    s.setLong(5, now);
                    if (s.executeUpdate() == 1) {
                        return true;
                    }
                }
                Long expiresAt = expiresAt(c, key);
                if (expiresAt != null && expiresAt > now) {
                    return false;
                }
            }
            return false;
        });
    }

    /** @return whether the row was inserted; {@code false} when the key is there already */
    private boolean insert(Connection c, String key, String state, long expiresAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table
                                                      + " (processor_name, message_id, state, expires_at)"
                                                      + " VALUES (?, ?, ?, ?)")) {
            s.setString(1, processorName);
            s.setString(2, key);
            s.setString(3, state);
            s.setLong(4, expiresAt);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!JdbcSupport.isDuplicate(e)) {
                throw e;
            }
            return false;
        }
    }

    private Long expiresAt(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT expires_at FROM " + table
                                                      + " WHERE processor_name = ? AND message_id = ?")) {
            s.setString(1, processorName);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    @Override
    public boolean contains(String key) {
        return exists(key, false);
    }

    @Override
    public boolean isConfirmed(String key) {
        return exists(key, true);
    }

    private boolean exists(String key, boolean done) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE processor_name = ?"
                                                          + " AND message_id = ? AND expires_at > ?"
                                                          + (done ? " AND state = ?" : ""))) {
                s.setString(1, processorName);
                s.setString(2, key);
                s.setLong(3, System.currentTimeMillis());
                if (done) {
                    s.setString(4, DONE);
                }
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

    /**
     * The route succeeded: the key is done for {@code expiry}, whether its lease is still there or not (a route that
     * outlived its lease has still processed the message, and its later duplicates must find it done).
     */
    @Override
    public boolean confirm(String key) {
        long until = System.currentTimeMillis() + expiry;
        return run(c -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET state = ?, expires_at = ?"
                                                              + " WHERE processor_name = ? AND message_id = ?")) {
                    s.setString(1, DONE);
                    s.setLong(2, until);
                    s.setString(3, processorName);
                    s.setString(4, key);
                    if (s.executeUpdate() == 1) {
                        return true;
                    }
                }
                if (insert(c, key, DONE, until)) {
                    return true;
                }
            }
            return false;
        });
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
                                                          + " WHERE processor_name = ? AND expires_at < ?")) {
                s.setString(1, processorName);
                s.setLong(2, now);
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

    /** How long the key of a processed message is remembered, ms (default 24 hours). */
    public void setExpiry(long expiry) {
        this.expiry = expiry;
    }

    public long getInFlightLease() {
        return inFlightLease;
    }

    /**
     * How long the key of a message whose route is in flight stays taken when its instance neither confirms nor
     * removes it (it died), ms (default 5 minutes, at most {@code expiry}). Longer than any route runs: a route still
     * running when its lease ends may be run a second time by a retry. Shorter than the sender goes on retrying:
     * Zalo tries again 30 s, 5 min, 15 min, 30 min and 1 h after a failed delivery, so with 5 minutes the
     * second retry (5.5 min after the first delivery) finds the lease of a dead instance ended.
     */
    public void setInFlightLease(long inFlightLease) {
        if (inFlightLease <= 0) {
            throw new IllegalArgumentException("inFlightLease must be positive (ms), but was " + inFlightLease);
        }
        this.inFlightLease = inFlightLease;
    }

    public boolean isCreateTables() {
        return createTables;
    }

    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    @Override
    public String toString() {
        return "JdbcIdempotentRepository[" + processorName + " in " + table + ", lease " + inFlightLease
               + " ms, expiry " + expiry + " ms]";
    }
}
