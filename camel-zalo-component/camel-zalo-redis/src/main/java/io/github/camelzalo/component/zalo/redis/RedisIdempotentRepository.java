package io.github.camelzalo.component.zalo.redis;

import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Camel's {@link IdempotentRepository} on Redis, so that a message (a webhook event) delivered to several instances
 * is processed once: a key is added with one {@code SET NX PX}, atomic across instances, and forgotten after
 * {@code expiry}. Keys live under {@code <prefix>seen:<processorName>:}.
 * <p>
 * When Redis cannot be reached, {@link #add} throws, so Camel's idempotent consumer fails the exchange instead of
 * processing a message it cannot account for (a webhook then gets an error and Zalo delivers the event again).
 */
public class RedisIdempotentRepository implements IdempotentRepository {

    private ZaloRedis redis;
    private String processorName = "zalo-events";
    private long expiry = 24 * 60 * 60 * 1000L;

    public RedisIdempotentRepository() {
    }

    public RedisIdempotentRepository(ZaloRedis redis, String processorName) {
        this.redis = redis;
        this.processorName = processorName;
    }

    @Override
    public boolean add(String key) {
        return "OK".equals(commands().set(key(key), "1", SetArgs.Builder.nx().px(expiry)));
    }

    @Override
    public boolean contains(String key) {
        return commands().exists(key(key)) > 0;
    }

    @Override
    public boolean remove(String key) {
        return commands().del(key(key)) > 0;
    }

    /** Keys are kept from {@link #add} on; nothing more to confirm. */
    @Override
    public boolean confirm(String key) {
        return true;
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

    /** How long a key is remembered, ms (default 24 hours: longer than Zalo goes on delivering an event again). */
    public void setExpiry(long expiry) {
        this.expiry = expiry;
    }

    @Override
    public String toString() {
        return "RedisIdempotentRepository[" + processorName + " on " + (redis == null ? "(none)" : redis.where())
               + "]";
    }
}
