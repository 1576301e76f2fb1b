package io.github.camelzalo.component.zalo.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.component.zalo.auth.TokenStoreConflictException;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStoreException;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;

/**
 * The OAs' OAuth tokens in a database, shared by every instance of an application, for shops whose durable store is
 * a database: a refresh token is a credential, and a database keeps it across restarts. Portable SQL over any
 * {@link DataSource} (tested on PostgreSQL): a row per app and OA in {@code zalo_tokens}, a save being an
 * {@code UPDATE ... WHERE version = ?} (or an {@code INSERT} for the first pair, the primary key refusing a second);
 * the refresh lease a row per app and OA in {@code zalo_token_leases}, taken by an {@code UPDATE} of an expired or
 * own row, or an {@code INSERT}.
 * <p>
 * Lease expiry compares the instances' clocks (epoch milliseconds): keep them in sync (NTP), as a skew shortens or
 * lengthens a lease by as much. The tables are created when missing ({@link #setCreateTables}); the SQL is in the
 * scale-out page for a DBA to run instead. Give it a plain {@code DataSource} (a pool), not one bound to the
 * application's transactions: every statement runs in auto-commit mode.
 */
public class JdbcTokenStore implements ZaloTokenStore {

    private DataSource dataSource;
    private String tokensTable = "zalo_tokens";
    private String leasesTable = "zalo_token_leases";
    private boolean createTables = true;
    private volatile boolean ready;

    public JdbcTokenStore() {
    }

    public JdbcTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The statements that create the tables, for a DBA. */
    public String[] ddl() {
        return new String[] {
                "CREATE TABLE IF NOT EXISTS " + tokensTable + " (app_id VARCHAR(64) NOT NULL, oa_id VARCHAR(64) NOT NULL,"
                                    + " version BIGINT NOT NULL, access_token VARCHAR(4000),"
                                    + " refresh_token VARCHAR(4000), access_expires_at BIGINT,"
                                    + " refresh_expires_at BIGINT, issued_at BIGINT NOT NULL,"
                                    + " seed_digest VARCHAR(128), PRIMARY KEY (app_id, oa_id))",
                "CREATE TABLE IF NOT EXISTS " + leasesTable + " (app_id VARCHAR(64) NOT NULL, oa_id VARCHAR(64) NOT NULL,"
                                    + " owner VARCHAR(255) NOT NULL, expires_at BIGINT NOT NULL,"
                                    + " PRIMARY KEY (app_id, oa_id))" };
    }

    private void ready(String appId, String oaId) {
        if (ready || !createTables) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                try {
                    JdbcSupport.createTables(dataSource, ddl());
                } catch (SQLException e) {
                    throw failure("create the tables for", appId, oaId, e);
                }
                ready = true;
            }
        }
    }

    @Override
    public StoredTokens load(String appId, String oaId) {
        ready(appId, oaId);
        try {
            return JdbcSupport.inAutoCommit(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT version, access_token, refresh_token,"
                                                              + " access_expires_at, refresh_expires_at, issued_at,"
                                                              + " seed_digest FROM " + tokensTable
                                                              + " WHERE app_id = ? AND oa_id = ?")) {
                    s.setString(1, appId);
                    s.setString(2, oaId);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            return null;
                        }
                        return new StoredTokens(new ZaloTokens(r.getString(2), r.getString(3), instant(r, 4),
                                instant(r, 5), Instant.ofEpochMilli(r.getLong(6)), r.getString(7)), r.getLong(1));
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("read", appId, oaId, e);
        } catch (IllegalArgumentException e) {
            throw new ZaloTokenStoreException("The tokens of app " + appId + " and OA " + oaId + " in "
                                              + tokensTable + " are not a valid token pair", null);
        }
    }

    @Override
    public long save(String appId, String oaId, ZaloTokens tokens, long expectedVersion) {
        ready(appId, oaId);
        long saved;
        try {
            saved = JdbcSupport.inAutoCommit(dataSource, c -> {
                if (expectedVersion == 0) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tokensTable + " (version,"
                                                                  + " access_token, refresh_token, access_expires_at,"
                                                                  + " refresh_expires_at, issued_at, seed_digest,"
                                                                  + " app_id, oa_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        bind(s, 1, tokens, appId, oaId);
                        s.executeUpdate();
                        return 1L;
                    } catch (SQLException e) {
                        if (JdbcSupport.isDuplicate(e)) {
                            return -1L;
                        }
                        throw e;
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE " + tokensTable + " SET version = ?,"
                                                              + " access_token = ?, refresh_token = ?,"
                                                              + " access_expires_at = ?, refresh_expires_at = ?,"
                                                              + " issued_at = ?, seed_digest = ?"
                                                              + " WHERE app_id = ? AND oa_id = ? AND version = ?")) {
                    s.setLong(1, expectedVersion + 1);
                    bind(s, 2, tokens, appId, oaId);
                    s.setLong(10, expectedVersion);
                    return s.executeUpdate() == 1 ? expectedVersion + 1 : -1L;
                }
            });
        } catch (SQLException e) {
            throw failure("save", appId, oaId, e);
        }
        if (saved < 0) {
            StoredTokens actual = load(appId, oaId);
            throw new TokenStoreConflictException(appId, oaId, expectedVersion, actual == null ? 0 : actual.version());
        }
        return saved;
    }

    /** Binds the pair from {@code first} on, then the app and the OA. */
    private static void bind(PreparedStatement s, int first, ZaloTokens t, String appId, String oaId)
            throws SQLException {
        s.setString(first, t.getAccessToken());
        s.setString(first + 1, t.getRefreshToken());
        setMillis(s, first + 2, t.getAccessTokenExpiresAt());
        setMillis(s, first + 3, t.getRefreshTokenExpiresAt());
        s.setLong(first + 4, t.getIssuedAt().toEpochMilli());
        s.setString(first + 5, t.getSeedDigest());
        s.setString(first + 6, appId);
        s.setString(first + 7, oaId);
    }

    @Override
    public boolean tryLease(String appId, String oaId, String owner, Duration ttl) {
        ready(appId, oaId);
        long now = System.currentTimeMillis();
        long until = now + Math.max(1, ttl.toMillis());
        try {
            return JdbcSupport.inAutoCommit(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + leasesTable + " SET owner = ?,"
                                                              + " expires_at = ? WHERE app_id = ? AND oa_id = ?"
                                                              + " AND (owner = ? OR expires_at < ?)")) {
                    s.setString(1, owner);
                    s.setLong(2, until);
                    s.setString(3, appId);
                    s.setString(4, oaId);
                    s.setString(5, owner);
                    s.setLong(6, now);
                    if (s.executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + leasesTable + " (app_id, oa_id,"
                                                              + " owner, expires_at) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, appId);
                    s.setString(2, oaId);
                    s.setString(3, owner);
                    s.setLong(4, until);
                    s.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (JdbcSupport.isDuplicate(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw failure("take the refresh lease of", appId, oaId, e);
        }
    }

    @Override
    public void releaseLease(String appId, String oaId, String owner) {
        ready(appId, oaId);
        try {
            JdbcSupport.inAutoCommit(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + leasesTable
                                                              + " WHERE app_id = ? AND oa_id = ? AND owner = ?")) {
                    s.setString(1, appId);
                    s.setString(2, oaId);
                    s.setString(3, owner);
                    return s.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("release the refresh lease of", appId, oaId, e);
        }
    }

    @Override
    public String leaseHolder(String appId, String oaId) {
        try {
            ready(appId, oaId);
            return JdbcSupport.inAutoCommit(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT owner FROM " + leasesTable
                                                              + " WHERE app_id = ? AND oa_id = ? AND expires_at > ?")) {
                    s.setString(1, appId);
                    s.setString(2, oaId);
                    s.setLong(3, System.currentTimeMillis());
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? r.getString(1) : null;
                    }
                }
            });
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean isShared() {
        return true;
    }

    private static void setMillis(PreparedStatement s, int index, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, t.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private ZaloTokenStoreException failure(String what, String appId, String oaId, SQLException e) {
        return new ZaloTokenStoreException("Cannot " + what + " the tokens of app " + appId + " and OA " + oaId
                                           + " in table " + tokensTable + ": " + JdbcSupport.describe(e), e);
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTokensTable() {
        return tokensTable;
    }

    /** The table of the pairs (default {@code zalo_tokens}). */
    public void setTokensTable(String tokensTable) {
        this.tokensTable = JdbcSupport.checkedName(tokensTable);
    }

    public String getLeasesTable() {
        return leasesTable;
    }

    /** The table of the refresh leases (default {@code zalo_token_leases}). */
    public void setLeasesTable(String leasesTable) {
        this.leasesTable = JdbcSupport.checkedName(leasesTable);
    }

    public boolean isCreateTables() {
        return createTables;
    }

    /** Whether the tables are created when missing (default true); off where a DBA creates them. */
    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    @Override
    public String toString() {
        return "JdbcTokenStore[" + tokensTable + "]";
    }
}
