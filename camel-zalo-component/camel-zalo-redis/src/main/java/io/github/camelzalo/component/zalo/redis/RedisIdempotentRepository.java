package io.github.camelzalo.component.zalo.redis;

import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.github.camelzalo.component.zalo.events.LeasedIdempotentRepository;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Camel's {@link IdempotentRepository} on Redis, so that a message (a webhook event) delivered to several instances
 * is processed once. {@link #add} takes a key with one {@code SET NX PX}, atomic across instances, as a lease of
 * {@code inFlightLease}: should the instance die before its route ends, the key becomes new again on its own, and the
 * sender's next retry is processed elsewhere. {@link #confirm} (the route succeeded) sets the key to done for
 * {@code expiry}; {@link #remove} (it failed) gives it back. Keys live under {@code <prefix>seen:<processorName>:}.
 * <p>
 * When Redis cannot be reached, {@link #add} throws, so Camel's idempotent consumer fails the exchange instead of
 * processing a message it cannot account for (a webhook then gets an error and Zalo delivers the event again).
 */
public class RedisIdempotentRepository implements LeasedIdempotentRepository {

    /** The value of a key whose route is in flight; any other value (done, or 1 as earlier versions wrote) is kept. */
    static final String LEASED = "leased";
    static final String DONE = "done";

    private ZaloRedis redis;
    private String processorName = "zalo-events";
    private long expiry = 24 * 60 * 60 * 1000L;
    private long inFlightLease = 5 * 60 * 1000L;

    public RedisIdempotentRepository() {
    }

    public RedisIdempotentRepository(ZaloRedis redis, String processorName) {
        this.redis = redis;
        this.processorName = processorName;
    }

    @Override
    public boolean add(String key) {
        return "OK".equals(commands().set(key(key), LEASED, SetArgs.Builder.nx().px(lease())));
    }

    /** The lease never outlasts the expiry of a done key. */
    private long lease() {
        return Math.min(inFlightLease, expiry);
    }

    @Override
    public boolean isConfirmed(String key) {
        String value = commands().get(key(key));
        return value != null && !LEASED.equals(value);
    }

    @Override
    public boolean contains(String key) {
        return commands().exists(key(key)) > 0;
    }

    @Override
    public boolean remove(String key) {
        return commands().del(key(key)) > 0;
    }

    /**
     * The route succeeded: the key is done for {@code expiry}. One {@code SET PX}, whether the lease is still there
     * or not: a route that outlived its lease has still processed the event, and its later duplicates must find it
     * done.
     */
    @Override
    public boolean confirm(String key) {
        return "OK".equals(commands().set(key(key), DONE, SetArgs.Builder.px(expiry)));
    }

    /** Forgets every key of this processor (a SCAN over them: for tests and operations, not for a hot path). */
    @Override
    public void clear() {
        RedisCommands<String, String> c = commands();
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs match = ScanArgs.Builder.matches(escaped(redis.key("seen", processorName)) + ":*").limit(500);
        do {
            KeyScanCursor<String> page = c.scan(cursor, match);
            List<String> keys = page.getKeys();
            if (!keys.isEmpty()) {
                c.del(keys.toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    private static String escaped(String glob) {
        return glob.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private String key(String key) {
        return redis.key("seen", processorName, key);
    }

    private RedisCommands<String, String> commands() {
        if (redis == null) {
            throw new IllegalStateException("The Redis idempotent repository has no ZaloRedis: set its redis property");
        }
        return redis.strings().sync();
    }

    @Override
    public void start() {
        // the connection is ZaloRedis's
    }

    @Override
    public void stop() {
        // as above
    }

    public ZaloRedis getRedis() {
        return redis;
    }

    public void setRedis(ZaloRedis redis) {
        this.redis = redis;
    }

    public String getProcessorName() {
        return processorName;
    }

    /** Which consumer the keys belong to, so that two idempotent routes do not share keys. */
    public void setProcessorName(String processorName) {
        this.processorName = processorName;
    }

    public long getExpiry() {
        return expiry;
    }

    /**
     * How long the key of a processed message is remembered, ms (default 24 hours: longer than Zalo goes on
     * delivering an event again).
     */
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

    @Override
    public String toString() {
        return "RedisIdempotentRepository[" + processorName + " on " + (redis == null ? "(none)" : redis.where())
               + ", lease " + inFlightLease + " ms, expiry " + expiry + " ms]";
    }
}
