package io.github.camelzalo.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;
import io.github.camelzalo.component.zalo.jdbc.JdbcTokenStore;
import io.github.camelzalo.component.zalo.redis.RedisTokenStore;
import io.github.camelzalo.component.zalo.redis.ZaloRedis;
import io.github.camelzalo.sandbox.OAuthCounters;
import io.github.camelzalo.sandbox.TokenPair;
import io.github.camelzalo.sandbox.ZaloSandbox;
import io.github.camelzalo.testservers.PostgresServer;
import io.github.camelzalo.testservers.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three JVMs, one OA, its tokens in a shared store, under load while the access token keeps expiring (the sandbox
 * issues it for 6 s, so a rotation is due every 3 s): exactly one refresh reaches the sandbox per rotation (no
 * refresh token is spent twice: the sandbox would refuse the second), and no call fails. Then a JVM is killed with
 * {@code kill -9} while it holds the refresh lease: the others go on with no call failing, held up no longer than the
 * lease.
 */
class TokensMultiJvmIT {

    private static final String USER = "8941234567136201";
    private static final long LEASE_MILLIS = 5000;

    private static RedisServer redis;
    private static PostgresServer postgres;

    @BeforeAll
    static void servers() {
        redis = RedisServer.start();
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
        postgres.close();
    }

    @Test
    void threeJvmsUnderLoadRefreshOncePerRotationOnRedis() throws Exception {
        redis.command("FLUSHALL");
        ZaloRedis client = new ZaloRedis(redis.uri());
        try {
            rotations("Redis", new RedisTokenStore(client), redis.uri());
        } finally {
            client.stop();
        }
    }

    @Test
    void threeJvmsUnderLoadRefreshOncePerRotationOnPostgres() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(PostgresServer.USER);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcTokenStore store = new JdbcTokenStore(pool);
            store.load("0", "0");
            try (var c = pool.getConnection(); var s = c.createStatement()) {
                s.execute("DELETE FROM zalo_tokens");
                s.execute("DELETE FROM zalo_token_leases");
            }
            rotations("PostgreSQL", store, postgres.jdbcUrl());
        }
    }

    private void rotations(String storeName, ZaloTokenStore store, String storeSpec) throws Exception {
        try (ZaloSandbox sandbox = ZaloSandbox.builder().port(0).threads(16).sampleData()
                .accessTokenLifetime(Duration.ofSeconds(6)).build().start()) {
            seed(sandbox, store);
            List<Replica> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    replicas.add(Replica.start("tokens-" + storeName + "-" + i, "tokens", sandbox.appId(),
                            sandbox.appSecret(), sandbox.zaloOauthBaseUrl(), sandbox.zaloOpenApiBaseUrl(),
                            sandbox.oaId(), USER, storeSpec, "10", "20", String.valueOf(LEASE_MILLIS)));
                }
                long failed = 0;
                long refreshedByReplicas = 0;
                long maxLatency = 0;
                for (Replica r : replicas) {
                    Map<String, Object> result = r.result(180);
                    assertThat(result.get("completed")).as(r.name + ": " + result).isEqualTo(true);
                    failed += Replica.number(result, "failed");
                    refreshedByReplicas += Replica.number(result, "refreshes");
                    maxLatency = Math.max(maxLatency, Replica.number(result, "maxLatencyMs"));
                    if (Replica.number(result, "failed") > 0) {
                        System.out.println(r.name + ": " + result);
                    }
                }
                OAuthCounters counters = sandbox.oauth().counters(sandbox.oaId());
                Figures.record(String.format("tokens on %s, 3 JVMs x 10 calls/s for 20 s, access token of 6 s:"
                                             + " %d refreshes at the sandbox for %d rotations after the first pair,"
                                             + " %d refresh tokens refused, %d calls failed, slowest call %d ms",
                        storeName, counters.refreshes(), counters.rotations() - 1, counters.rejectedRefreshTokens(),
                        failed, maxLatency));
                assertThat(failed).isZero();
                assertThat(counters.rejectedRefreshTokens()).isZero();
                assertThat(counters.refreshes()).as("one refresh per rotation").isEqualTo(counters.rotations() - 1)
                        .isEqualTo(refreshedByReplicas).isGreaterThanOrEqualTo(4);
            } finally {
                for (Replica r : replicas) {
                    r.close();
                }
            }
        }
    }

    @Test
    void aJvmKilledWhileHoldingTheRefreshLeaseHoldsTheOthersUpNoLongerThanTheLease() throws Exception {
        redis.command("FLUSHALL");
        ZaloRedis client = new ZaloRedis(redis.uri());
        RedisTokenStore store = new RedisTokenStore(client);
        try (ZaloSandbox sandbox = ZaloSandbox.builder().port(0).threads(16).sampleData()
                .accessTokenLifetime(Duration.ofSeconds(10)).build().start();
             BlackHole tokenEndpoint = new BlackHole()) {
            seed(sandbox, store);
            List<Replica> others = new ArrayList<>();
            // the victim's token endpoint never answers: it takes the lease when the token is due (after 5 s) and waits
            Replica victim = Replica.start("tokens-victim", "tokens", sandbox.appId(), sandbox.appSecret(),
                    tokenEndpoint.baseUrl(), sandbox.zaloOpenApiBaseUrl(), sandbox.oaId(), USER, redis.uri(), "5",
                    "60", String.valueOf(LEASE_MILLIS));
            try {
                victim.awaitReady(60);
                String holder = awaitLeaseHolder(store, sandbox, 30);
                assertThat(holder).as("the victim holds the lease").contains(String.valueOf(victim.pid()));
                for (int i = 0; i < 2; i++) {
                    others.add(Replica.start("tokens-survivor-" + i, "tokens", sandbox.appId(), sandbox.appSecret(),
                            sandbox.zaloOauthBaseUrl(), sandbox.zaloOpenApiBaseUrl(), sandbox.oaId(), USER,
                            redis.uri(), "10", "15", String.valueOf(LEASE_MILLIS)));
                }
                for (Replica r : others) {
                    r.awaitReady(60);
                }
                long killed = System.nanoTime();
                victim.kill9();
                // the first new pair a survivor saves: at the latest when the dead JVM's lease runs out
                long replacedAfterMillis = -1;
                while (System.nanoTime() - killed < 20_000_000_000L) {
                    StoredTokens stored = store.load(sandbox.appId(), sandbox.oaId());
                    if (stored.version() > 1) {
                        replacedAfterMillis = (System.nanoTime() - killed) / 1_000_000;
                        break;
                    }
                    Thread.sleep(20);
                }

                long failed = 0;
                long maxLatency = 0;
                for (Replica r : others) {
                    Map<String, Object> result = r.result(120);
                    failed += Replica.number(result, "failed");
                    maxLatency = Math.max(maxLatency, Replica.number(result, "maxLatencyMs"));
                    if (Replica.number(result, "failed") > 0) {
                        System.out.println(r.name + ": " + result);
                    }
                }
                OAuthCounters counters = sandbox.oauth().counters(sandbox.oaId());
                Figures.record(String.format("kill -9 of the JVM holding the refresh lease (lease %d ms): a survivor"
                                             + " saved the next pair %d ms after the kill; the two survivors' slowest"
                                             + " call %d ms, %d calls failed; the victim's refresh never reached Zalo"
                                             + " (%d connection to its token endpoint); %d refreshes at the sandbox"
                                             + " for %d rotations, %d refused",
                        LEASE_MILLIS, replacedAfterMillis, maxLatency, failed, tokenEndpoint.connections(),
                        counters.refreshes(), counters.rotations() - 1, counters.rejectedRefreshTokens()));
                assertThat(failed).isZero();
                assertThat(maxLatency).as("no call held up longer than the lease").isLessThan(LEASE_MILLIS + 1000);
                assertThat(tokenEndpoint.connections()).isEqualTo(1);
                assertThat(counters.rejectedRefreshTokens()).isZero();
                assertThat(counters.refreshes()).isEqualTo(counters.rotations() - 1).isGreaterThanOrEqualTo(1);
                assertThat(replacedAfterMillis).as("a survivor refreshed within the lease of the kill")
                        .isBetween(0L, LEASE_MILLIS + 1000);
                assertThat(store.leaseHolder(sandbox.appId(), sandbox.oaId()))
                        .satisfiesAnyOf(h -> assertThat(h).isNull(),
                                h -> assertThat(h).doesNotContain(String.valueOf(victim.pid())));
            } finally {
                victim.close();
                for (Replica r : others) {
                    r.close();
                }
                client.stop();
            }
        }
    }

    /** The pair an admin's consent gave, saved in the shared store before the replicas start. */
    private static void seed(ZaloSandbox sandbox, ZaloTokenStore store) {
        TokenPair pair = sandbox.issueTokens(sandbox.oaId());
        Instant now = Instant.now();
        store.save(sandbox.appId(), sandbox.oaId(), new ZaloTokens(pair.accessToken(), pair.refreshToken(),
                pair.accessTokenExpiresAt(), now.plus(Duration.ofDays(90)), now, null), 0);
    }

    private static String awaitLeaseHolder(ZaloTokenStore store, ZaloSandbox sandbox, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String holder = store.leaseHolder(sandbox.appId(), sandbox.oaId());
            if (holder != null) {
                return holder;
            }
            Thread.sleep(50);
        }
        return null;
    }
}
