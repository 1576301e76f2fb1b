package io.github.camelzalo.component.zalo.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.apache.camel.Service;

/**
 * The Redis that the shared rate limiter, token store and idempotent repository of several camel-zalo instances
 * keep their state in: a Lettuce client, its connections (opened on first use and again after a failure; Lettuce
 * reconnects on its own) and the prefix of every key. One bean, used by the others:
 *
 * <pre>
 * camel.beans.zaloRedis = #class:io.github.camelzalo.component.zalo.redis.ZaloRedis
 * camel.beans.zaloRedis.uri = redis://redis.internal:6379
 * camel.beans.zaloRedis.password = {{env:REDIS_PASSWORD}}
 * </pre>
 *
 * Every command waits at most {@code commandTimeout}, so a Redis that does not answer fails a call within that time
 * instead of holding it. {@link #toString()} shows the host and port only, never a password.
 */
public class ZaloRedis implements Service {

    /** Every key starts with this, so that one Redis can serve other applications too. */
    public static final String DEFAULT_KEY_PREFIX = "camel-zalo:";

    private String uri = "redis://127.0.0.1:6379";
    private String password;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private long commandTimeout = 2000;
    private RedisClient client;
    private boolean createdClient;
    private StatefulRedisConnection<String, String> strings;
    private StatefulRedisConnection<String, byte[]> bytes;

    public ZaloRedis() {
    }

    /** @param uri {@code redis://host:port}, {@code rediss://} for TLS, {@code redis-sentinel://} for Sentinel */
    public ZaloRedis(String uri) {
        this.uri = uri;
    }

    /** Uses a client the application already has; it is not shut down by {@link #stop()}. */
    public ZaloRedis(RedisClient client) {
        this.client = client;
    }

    /** Connections for text values (tokens, leases, keys seen). */
    public synchronized StatefulRedisConnection<String, String> strings() {
        if (strings == null || !strings.isOpen()) {
            strings = client().connect(StringCodec.UTF8);
        }
        return strings;
    }

    /** A connection for Bucket4j's binary bucket state. */
    public synchronized StatefulRedisConnection<String, byte[]> bytes() {
        if (bytes == null || !bytes.isOpen()) {
            bytes = client().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        }
        return bytes;
    }

    private RedisClient client() {
        if (client == null) {
            RedisURI redisUri = RedisURI.create(uri);
            if (password != null && !password.isEmpty()) {
                // a provider rather than a password on the URI: the URI's toString() then has nothing to show
                String secret = password;
                redisUri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(null, secret)));
            }
            redisUri.setTimeout(commandTimeoutDuration());
            client = RedisClient.create(redisUri);
            createdClient = true;
        }
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeoutDuration())).build());
        return client;
    }

    /** {@code <keyPrefix><part>:<part>...}. */
    public String key(String... parts) {
        return keyPrefix + String.join(":", parts);
    }

    public Duration commandTimeoutDuration() {
        return Duration.ofMillis(commandTimeout);
    }

    @Override
    public void start() {
        // connections are opened on first use, so that an application starts while Redis is briefly away
    }

    @Override
    public synchronized void stop() {
        if (strings != null) {
            strings.close();
            strings = null;
        }
        if (bytes != null) {
            bytes.close();
            bytes = null;
        }
        if (createdClient && client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
            createdClient = false;
        }
    }

    public String getUri() {
        return uri;
    }

    /** {@code redis://host:port}; a password is better set as {@link #setPassword}, which consoles mask. */
    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public long getCommandTimeout() {
        return commandTimeout;
    }

    /** How long a command may take, ms (default 2000): then the call it serves fails (or falls back). */
    public void setCommandTimeout(long commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /** Where, without credentials: {@code host:port}. */
    public String where() {
        try {
            RedisURI u = RedisURI.create(uri);
            if (u.getSentinels() != null && !u.getSentinels().isEmpty()) {
                return "sentinel " + u.getSentinelMasterId();
            }
            return u.getHost() + ":" + u.getPort();
        } catch (RuntimeException e) {
            return "(an invalid Redis URI)";
        }
    }

    @Override
    public String toString() {
        return "ZaloRedis[" + (client != null && !createdClient ? "a given client" : where()) + ", keys " + keyPrefix
               + "*]";
    }
}
