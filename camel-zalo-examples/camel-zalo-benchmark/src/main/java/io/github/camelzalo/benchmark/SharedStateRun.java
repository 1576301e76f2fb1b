package io.github.camelzalo.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;
import io.github.camelzalo.component.zalo.jdbc.JdbcTokenStore;
import io.github.camelzalo.component.zalo.redis.RedisRateLimiter;
import io.github.camelzalo.component.zalo.redis.RedisTokenStore;
import io.github.camelzalo.component.zalo.redis.ZaloRedis;
import io.github.camelzalo.testservers.PostgresServer;
import io.github.camelzalo.testservers.RedisServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What sharing state costs: {@code zalo:userStatus} against the stub paced at 5,000/s by the local pacer and by the
 * Redis limiter (a real redis-server on 127.0.0.1), closed-loop callers: one, below the limit, for the time a call
 * takes with each; 64, above it, for the rate each reaches; then
 * how many reads per second the token stores sustain (a real PostgreSQL and the same Redis).
 */
final class SharedStateRun {

    private static final String KEY = "bench-key";
    private static final int LIMIT = 5000;

    record Pacing(String label, int callers, long requests, double seconds, double cpuMicros, long errors) {
        double perSecond() {
            return requests / seconds;
        }

        /** Each caller waits for its answer: the mean time of one call. */
        double meanMicros() {
            return seconds * 1e6 * callers / requests;
        }
    }

    private SharedStateRun() {
    }

    static void run(String stubBaseUrl, int requests) throws Exception {
        System.out.printf("%nShared state: zalo:userStatus paced at %d/s, local pacer against the Redis limiter"
                          + " (redis-server on 127.0.0.1), closed-loop callers%n", LIMIT);
        RedisServer redis;
        try {
            redis = RedisServer.start();
        } catch (RuntimeException e) {
            System.out.println("  skipped: " + e.getMessage());
            return;
        }
        try {
            List<Pacing> results = new ArrayList<>();
            // one caller stays below the limit, so its time per call is the limiter's cost; 64 saturate it. Three
            // alternating rounds, the median of each figure
            for (int callers : new int[] { 1, 64 }) {
                int n = callers == 1 ? requests / 6 : requests;
                // a first, unreported run of each warms it up
                pacing("local", stubBaseUrl, null, callers, n / 4);
                pacing("redis", stubBaseUrl, redis.uri(), callers, n / 4);
                List<Pacing> local = new ArrayList<>();
                List<Pacing> shared = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    local.add(pacing("local", stubBaseUrl, null, callers, n));
                    shared.add(pacing("redis", stubBaseUrl, redis.uri(), callers, n));
                }
                results.add(median(local));
                results.add(median(shared));
            }
            System.out.println("limiter  callers    req/s  us/call  cpu us/call  errors   (medians of 3 rounds)");
            for (Pacing p : results) {
                System.out.printf(Locale.ROOT, "%-8s %7d %8.0f %8.0f %12.1f %7d%n", p.label, p.callers,
                        p.perSecond(), p.meanMicros(), p.cpuMicros, p.errors);
            }
            for (int i = 0; i < results.size(); i += 2) {
                Pacing local = results.get(i);
                Pacing shared = results.get(i + 1);
                System.out.printf(Locale.ROOT, "  %d callers: the Redis limiter adds %.0f us per call (%.1f us of"
                                               + " CPU), reaching %.0f req/s of the %d/s limit (local: %.0f)%n",
                        local.callers, shared.meanMicros() - local.meanMicros(), shared.cpuMicros - local.cpuMicros,
                        shared.perSecond(), LIMIT, local.perSecond());
            }
            tokenReads(redis);
        } finally {
            redis.close();
        }
    }

    private static Pacing median(List<Pacing> runs) {
        List<Pacing> bySpeed = new ArrayList<>(runs);
        bySpeed.sort(java.util.Comparator.comparingDouble(Pacing::seconds));
        List<Double> cpu = runs.stream().map(Pacing::cpuMicros).sorted().toList();
        Pacing mid = bySpeed.get(bySpeed.size() / 2);
        long errors = runs.stream().mapToLong(Pacing::errors).sum();
        return new Pacing(mid.label, mid.callers, mid.requests, mid.seconds, cpu.get(cpu.size() / 2), errors);
    }

    private static Pacing pacing(String label, String stubBaseUrl, String redisUri, int callers, int requests)
            throws Exception {
        System.gc();
        CamelContext context = new DefaultCamelContext();
        ZaloRedis redis = null;
        if (redisUri != null) {
            redis = new ZaloRedis(redisUri);
            redis.setKeyPrefix("bench-" + System.nanoTime() + ":");
            context.getRegistry().bind("zaloRateLimiter", new RedisRateLimiter(redis));
        }
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(stubBaseUrl + "/acme");
        zalo.getCaresoft().setApiKey(KEY);
        zalo.getCaresoft().setRateLimit(LIMIT);
        zalo.getConfiguration().setOaId("1600190000752846");
        context.addComponent("zalo", zalo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("zalo:userStatus");
            }
        });
        context.start();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            int perCaller = requests / callers;
            CyclicBarrier start = new CyclicBarrier(callers + 1);
            CyclicBarrier end = new CyclicBarrier(callers + 1);
            AtomicLong errors = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        for (int n = 0; n < perCaller; n++) {
                            Exchange out = template.request("direct:call", e -> e.getMessage().setBody("0981234980"));
                            if (out.getException() != null && errors.incrementAndGet() <= 3) {
                                System.out.println("  error: " + out.getException().getMessage());
                            }
                        }
                        end.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "caller-" + i);
                t.start();
                threads.add(t);
            }
            start.await(1, TimeUnit.MINUTES);
            ProcessMeter before = ProcessMeter.read();
            end.await(10, TimeUnit.MINUTES);
            ProcessMeter after = ProcessMeter.read();
            for (Thread t : threads) {
                t.join();
            }
            long sent = (long) perCaller * callers;
            return new Pacing(label, callers, sent, (after.wallNanos() - before.wallNanos()) / 1e9,
                    (after.cpuNanos() - before.cpuNanos()) / 1e3 / sent, errors.get());
        } finally {
            context.stop();
            if (redis != null) {
                redis.stop();
            }
        }
    }

    /** Loads of one OA's pair from each store, from 1, 4 and 16 threads, for 3 s each. */
    private static void tokenReads(RedisServer redisServer) throws Exception {
        System.out.printf("%nToken store reads (load of one OA's pair), for 3 s each after 1 s of warm-up%n");
        System.out.println("store       threads   reads/s   us/read");
        ZaloRedis redis = new ZaloRedis(redisServer.uri());
        try {
            reads("redis", new RedisTokenStore(redis));
        } finally {
            redis.stop();
        }
        PostgresServer pg;
        try {
            pg = PostgresServer.start();
        } catch (RuntimeException e) {
            System.out.println("  postgresql skipped: " + e.getMessage());
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(16);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            reads("postgresql", new JdbcTokenStore(pool));
        } finally {
            pg.close();
        }
        System.out.println("  a call reads its OA's pair from memory: the store is read again only when the pair is"
                           + " older than zalo.tokenCacheTime (60 s), when it is due for a refresh, and when Zalo"
                           + " refuses it; so one instance reads the store about once a minute per OA");
    }

    private static void reads(String label, ZaloTokenStore store) throws Exception {
        Instant now = Instant.now();
        store.save("2771862381437218000", "1600190000752846", new ZaloTokens("a".repeat(400), "r".repeat(400),
                now.plus(Duration.ofHours(25)), now.plus(Duration.ofDays(90)), now, null), 0);
        for (int threads : new int[] { 1, 4, 16 }) {
            timedReads(store, threads, 1000);
            long[] counts = timedReads(store, threads, 3000);
            double perSecond = counts[0] / 3.0;
            System.out.printf(Locale.ROOT, "%-11s %7d %9.0f %9.0f%n", label, threads, perSecond,
                    threads * 1e6 / perSecond);
        }
    }

    private static long[] timedReads(ZaloTokenStore store, int threads, long millis) throws Exception {
        AtomicLong reads = new AtomicLong();
        long until = System.nanoTime() + millis * 1_000_000;
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < until) {
                    if (store.load("2771862381437218000", "1600190000752846") != null) {
                        reads.incrementAndGet();
                    }
                }
            });
            t.start();
            all.add(t);
        }
        for (Thread t : all) {
            t.join();
        }
        return new long[] { reads.get() };
    }
}
