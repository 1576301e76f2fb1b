package io.github.camelzalo.component.zalo.jdbc.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.zalo.jdbc.*}: the shared state of several instances in the application's database (its
 * {@code DataSource}). {@code token-store=true} or {@code idempotent-repository=true} turns a part on.
 */
@ConfigurationProperties(prefix = "camel.component.zalo.jdbc")
public class ZaloJdbcProperties {

    /** Keep the OAs' tokens in the database (a JdbcTokenStore bean). */
    private boolean tokenStore;
    /** An IdempotentRepository bean in the database for zalo:events (unless the application has one). */
    private boolean idempotentRepository;
    /** Create the tables when missing (off where a DBA creates them: see the scale-out page). */
    private boolean createTables = true;
    /** The table of the pairs. */
    private String tokensTable = "zalo_tokens";
    /** The table of the refresh leases. */
    private String leasesTable = "zalo_token_leases";
    /** The table of the keys seen. */
    private String processedTable = "zalo_processed";
    /** The idempotent repository's processor name. */
    private String processorName = "zalo-events";
    /** How long it remembers the key of a processed event, ms. */
    private long idempotentExpiry = 24 * 60 * 60 * 1000L;
    /**
     * How long the key of an event in flight stays taken when its instance dies before the route ends, ms: longer
     * than a route runs, shorter than Zalo goes on retrying (at most idempotent-expiry).
     */
    private long idempotentInFlightLease = 5 * 60 * 1000L;

    public boolean isTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(boolean tokenStore) {
        this.tokenStore = tokenStore;
    }

    public boolean isIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(boolean idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isCreateTables() {
        return createTables;
    }

    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    public String getTokensTable() {
        return tokensTable;
    }

    public void setTokensTable(String tokensTable) {
        this.tokensTable = tokensTable;
    }

    public String getLeasesTable() {
        return leasesTable;
    }

    public void setLeasesTable(String leasesTable) {
        this.leasesTable = leasesTable;
    }

    public String getProcessedTable() {
        return processedTable;
    }

    public void setProcessedTable(String processedTable) {
        this.processedTable = processedTable;
    }

    public String getProcessorName() {
        return processorName;
    }

    public void setProcessorName(String processorName) {
        this.processorName = processorName;
    }

    public long getIdempotentExpiry() {
        return idempotentExpiry;
    }

    public void setIdempotentExpiry(long idempotentExpiry) {
        this.idempotentExpiry = idempotentExpiry;
    }

    public long getIdempotentInFlightLease() {
        return idempotentInFlightLease;
    }

    public void setIdempotentInFlightLease(long idempotentInFlightLease) {
        this.idempotentInFlightLease = idempotentInFlightLease;
    }
}
