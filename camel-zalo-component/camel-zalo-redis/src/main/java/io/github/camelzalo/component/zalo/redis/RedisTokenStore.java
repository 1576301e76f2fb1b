package io.github.camelzalo.component.zalo.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.component.zalo.auth.TokenPairJson;
import io.github.camelzalo.component.zalo.auth.TokenStoreConflictException;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStoreException;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAs' OAuth tokens in Redis, shared by every instance of an application: one hash per app and OA
 * ({@code <prefix>tokens:<appId>:<oaId>}, the pair as JSON and its version) and the refresh lease beside it
 * ({@code ...:lease}, taken with {@code SET NX PX}, so a holder that dies frees it after the lease time). A save is
 * a compare-and-set on the version, in one Lua script.
 * <p>
 * A refresh token works once, so the newest pair must survive a Redis restart: run Redis with
 * {@code appendonly yes} (the store warns once when it sees none), or keep the tokens in a database with
 * {@code camel-zalo-jdbc}. With replicas, {@link #setReplicasToWait replicasToWait} makes a save wait for them, so a
 * failover does not lose the newest pair.
 */
public class RedisTokenStore implements ZaloTokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTokenStore.class);

    /** KEYS[1] pair; ARGV expected version, JSON. {1, new version} or {0, actual version}. */
    private static final String SAVE = """
            local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
            if v ~= tonumber(ARGV[1]) then return {0, v} end
            redis.call('HSET', KEYS[1], 'version', v + 1, 'pair', ARGV[2])
            return {1, v + 1}
            """;
    /** KEYS[1] lease; ARGV owner, ttl ms. Renews the owner's own lease. */
    private static final String LEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private ZaloRedis redis;
    private int replicasToWait;
    private volatile boolean persistenceChecked;

    public RedisTokenStore() {
    }

    public RedisTokenStore(ZaloRedis redis) {
        this.redis = redis;
    }

    @Override
    public StoredTokens load(String appId, String oaId) {
        List<KeyValue<String, String>> values;
        try {
            values = commands().hmget(pairKey(appId, oaId), "version", "pair");
        } catch (RuntimeException e) {
            throw failure("read", appId, oaId, e);
        }
        if (values.get(0).isEmpty() || values.get(1).isEmpty()) {
            return null;
        }
        try {
            byte[] pair = values.get(1).getValue().getBytes(StandardCharsets.UTF_8);
            return new StoredTokens(TokenPairJson.readTokens(pair), Long.parseLong(values.get(0).getValue()));
        } catch (IOException | RuntimeException e) {
            throw new ZaloTokenStoreException("The tokens of app " + appId + " and OA " + oaId + " in Redis at "
                                              + where() + " are not a valid token pair", null);
        }
    }

    @Override
    public long save(String appId, String oaId, ZaloTokens tokens, long expectedVersion) {
        checkPersistence();
        String pair = new String(TokenPairJson.write(tokens), StandardCharsets.UTF_8);
        List<Long> reply;
        try {
            reply = commands().eval(SAVE, ScriptOutputType.MULTI, new String[] { pairKey(appId, oaId) },
                    String.valueOf(expectedVersion), pair);
        } catch (RuntimeException e) {
            throw failure("save", appId, oaId, e);
        }
        if (reply.get(0) != 1) {
            throw new TokenStoreConflictException(appId, oaId, expectedVersion, reply.get(1));
        }
        if (replicasToWait > 0) {
            long acked = commands().waitForReplication(replicasToWait, redis.getCommandTimeout());
            if (acked < replicasToWait) {
                LOG.warn("The new tokens of OA {} (app {}) reached {} of {} Redis replicas within {} ms: a failover"
                         + " now could lose them", oaId, appId, acked, replicasToWait, redis.getCommandTimeout());
            }
        }
        return reply.get(1);
    }

    @Override
    public boolean tryLease(String appId, String oaId, String owner, Duration ttl) {
        try {
            Long taken = commands().eval(LEASE, ScriptOutputType.INTEGER, new String[] { leaseKey(appId, oaId) },
                    owner, String.valueOf(Math.max(1, ttl.toMillis())));
            return taken != null && taken == 1;
        } catch (RuntimeException e) {
            throw failure("take the refresh lease of", appId, oaId, e);
        }
    }

    @Override
    public void releaseLease(String appId, String oaId, String owner) {
        try {
            commands().eval(RELEASE, ScriptOutputType.INTEGER, new String[] { leaseKey(appId, oaId) }, owner);
        } catch (RuntimeException e) {
            throw failure("release the refresh lease of", appId, oaId, e);
        }
    }

    @Override
    public String leaseHolder(String appId, String oaId) {
        try {
            return commands().get(leaseKey(appId, oaId));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean isShared() {
        return true;
    }

    /** Warns once when Redis keeps nothing across a restart: the newest refresh token would be lost with it. */
    private void checkPersistence() {
        if (persistenceChecked) {
            return;
        }
        persistenceChecked = true;
        try {
            String aof = String.valueOf(commands().configGet("appendonly").get("appendonly"));
            String save = String.valueOf(commands().configGet("save").get("save"));
            if (!"yes".equals(aof)) {
                LOG.warn("Redis at {} has appendonly {}{}: a Redis restart loses the OAs' newest refresh tokens,"
                         + " and an OA admin must then authorize the app again. Turn on appendonly, or keep the"
                         + " tokens in a database (camel-zalo-jdbc)", where(), aof,
                        save.isBlank() ? " and no snapshots" : " (snapshots only: '" + save + "')");
            }
        } catch (RuntimeException e) {
            // CONFIG is often disabled on managed Redis: nothing to say then
        }
    }

    private RedisCommands<String, String> commands() {
        if (redis == null) {
            throw new ZaloTokenStoreException("The Redis token store has no ZaloRedis: set its redis property", null);
        }
        return redis.strings().sync();
    }

    private String pairKey(String appId, String oaId) {
        return redis.key("tokens", appId, oaId);
    }

    private String leaseKey(String appId, String oaId) {
        return redis.key("tokens", appId, oaId, "lease");
    }

    private String where() {
        return redis == null ? "(none)" : redis.where();
    }

    private ZaloTokenStoreException failure(String what, String appId, String oaId, RuntimeException e) {
        // Lettuce's messages name the command's failure, never its arguments
        return new ZaloTokenStoreException("Cannot " + what + " the tokens of app " + appId + " and OA " + oaId
                                           + " in Redis at " + where() + ": " + e.getClass().getSimpleName() + ": "
                                           + e.getMessage(), e);
    }

    public ZaloRedis getRedis() {
        return redis;
    }

    public void setRedis(ZaloRedis redis) {
        this.redis = redis;
    }

    public int getReplicasToWait() {
        return replicasToWait;
    }

    /** How many replicas a save waits for (Redis WAIT, at most the command timeout); 0, the default, none. */
    public void setReplicasToWait(int replicasToWait) {
        this.replicasToWait = replicasToWait;
    }

    @Override
    public String toString() {
        return "RedisTokenStore[" + where() + "]";
    }
}
