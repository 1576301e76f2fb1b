package io.github.camelzalo.cluster;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloEndpoint;
import io.github.camelzalo.component.zalo.jdbc.JdbcTokenStore;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.component.zalo.redis.RedisRateLimiter;
import io.github.camelzalo.component.zalo.redis.RedisTokenStore;
import io.github.camelzalo.component.zalo.redis.ZaloRedis;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * One replica of an integration, in a JVM of its own: a CamelContext with the zalo component and the Redis beans,
 * as a user deploys it. The proofs start three of these as separate processes; each prints {@code READY} once its
 * first call succeeded and a last line {@code RESULT {json}} with what it saw.
 * <ul>
 * <li>{@code pacing <caresoftBaseUrl> <apiKey> <oaId> <redisUri> <limit> <messages>}: once a line comes on its
 * standard input, hands the route {@code messages} transaction messages at once, paced by the Redis limiter at
 * {@code limit}/s for the whole cluster.</li>
 * <li>{@code tokens <appId> <appSecret> <oauthBaseUrl> <openApiBaseUrl> <oaId> <userId> <store> <perSecond>
 * <seconds> <leaseMillis>}: calls {@code zalo:userProfile} {@code perSecond} times a second for {@code seconds},
 * the OA's tokens in the Redis token store ({@code store} a {@code redis://} URI) or the JDBC one (a
 * {@code jdbc:} URL).</li>
 * <li>{@code events …}: receives Zalo's webhooks with {@code from("zalo:events")} on Camel Main, de-duplicated in a
 * shared store, until a line comes on its standard input ({@link EventsNode}).</li>
 * </ul>
 */
public final class ClusterNode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> result = switch (args[0]) {
            case "pacing" -> pacing(args);
            case "tokens" -> tokens(args);
            case "events" -> EventsNode.run(args);
            default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
        };
        result.put("pid", ProcessHandle.current().pid());
        System.out.println("RESULT " + JSON.writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    private static Map<String, Object> pacing(String[] a) throws Exception {
        String baseUrl = a[1];
        String apiKey = a[2];
        String oaId = a[3];
        String redisUri = a[4];
        int limit = Integer.parseInt(a[5]);
        int messages = Integer.parseInt(a[6]);

        ZaloRedis redis = new ZaloRedis(redisUri);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("zaloRedis", redis);
        context.getRegistry().bind("zaloRateLimiter", new RedisRateLimiter(redis));
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(baseUrl);
        zalo.getCaresoft().setApiKey(apiKey);
        zalo.getCaresoft().setRateLimit(limit);
        zalo.getConfiguration().setOaId(oaId);
        // the whole campaign waits in the component at once: 1,000 calls at a third of 100/s take 30 s
        zalo.getConfiguration().setRequestTimeout(600_000);
        zalo.getConfiguration().setRateLimitRetries(20);
        context.addComponent("zalo", zalo);
        context.start();
        AsyncProducer producer = context.getEndpoint("zalo:send").createAsyncProducer();
        producer.start();
        // a deployed replica is warm: one call through the limiter, the client and the sandbox (user status, which
        // the outbox does not list) before the campaign
        Exchange warm = context.createProducerTemplate().request("zalo:userStatus",
                e -> e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980"));
        if (warm.getException() != null) {
            throw warm.getException();
        }
        System.out.println("READY");
        System.out.flush();
        // all replicas start together, when the proof says so
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();

        CountDownLatch done = new CountDownLatch(messages);
        AtomicLong failed = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        AtomicLong lastDone = new AtomicLong();
        long started = System.currentTimeMillis();
        for (int i = 0; i < messages; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            exchange.getMessage().setHeader(ZaloConstants.SCRIPT_ID, 201L);
            exchange.getMessage().setHeader(ZaloConstants.TEMPLATE_PARAMS,
                    Map.of("username", "Nghĩa", "order_id", "DH-" + ProcessHandle.current().pid() + "-" + i));
            producer.process(exchange, sync -> {
                if (exchange.getException() != null) {
                    failed.incrementAndGet();
                    failures.merge(kind(exchange.getException()), 1L, Long::sum);
                }
                lastDone.accumulateAndGet(System.currentTimeMillis(), Math::max);
                done.countDown();
            });
        }
        boolean all = done.await(10, TimeUnit.MINUTES);
        RateLimitStats stats = context.getEndpoint("zalo:send", ZaloEndpoint.class).getRateLimitStats();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", "pacing");
        r.put("messages", messages);
        r.put("completed", all);
        r.put("failed", failed.get());
        r.put("failures", new TreeMap<>(failures));
        r.put("startedAt", started);
        r.put("finishedAt", lastDone.get());
        r.put("permits", stats.getPermitsGranted());
        r.put("rateLimited", stats.getRateLimitedAnswers());
        r.put("resends", stats.getResends());
        r.put("slowdowns", stats.getSlowdowns());
        r.put("rateAtEnd", stats.getCurrentRate());
        producer.stop();
        context.stop();
        redis.stop();
        return r;
    }

    private static Map<String, Object> tokens(String[] a) throws Exception {
        String appId = a[1];
        String appSecret = a[2];
        String oauth = a[3];
        String openApi = a[4];
        String oaId = a[5];
        String userId = a[6];
        String storeSpec = a[7];
        int perSecond = Integer.parseInt(a[8]);
        int seconds = Integer.parseInt(a[9]);
        long leaseMillis = Long.parseLong(a[10]);

        CamelContext context = new DefaultCamelContext();
        ZaloRedis redis = null;
        HikariDataSource pool = null;
        if (storeSpec.startsWith("jdbc:")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(storeSpec);
            config.setUsername("zalo");
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            context.getRegistry().bind("zaloTokenStore", new JdbcTokenStore(pool));
        } else {
            redis = new ZaloRedis(storeSpec);
            context.getRegistry().bind("zaloRedis", redis);
            context.getRegistry().bind("zaloTokenStore", new RedisTokenStore(redis));
        }
        ZaloComponent zalo = new ZaloComponent();
        zalo.getConfiguration().setOaId(oaId);
        zalo.getConfiguration().setRequestTimeout(30_000);
        zalo.getZalo().setAppId(appId);
        zalo.getZalo().setAppSecret(appSecret);
        zalo.getZalo().setOauthBaseUrl(oauth);
        zalo.getZalo().setOpenApiBaseUrl(openApi);
        zalo.getZalo().setBusinessBaseUrl(openApi);
        zalo.getZalo().setTokenLeaseTime(leaseMillis);
        context.addComponent("zalo", zalo);
        context.start();
        AsyncProducer producer = context.getEndpoint("zalo:userProfile").createAsyncProducer();
        producer.start();

        int calls = perSecond * seconds;
        CountDownLatch done = new CountDownLatch(calls);
        AtomicLong failed = new AtomicLong();
        AtomicLong maxLatency = new AtomicLong();
        AtomicLong slowCalls = new AtomicLong();
        AtomicBoolean ready = new AtomicBoolean();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        List<String> firstFailures = new ArrayList<>();
        long periodNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(userId);
            long sent = System.nanoTime();
            producer.process(exchange, sync -> {
                long latency = (System.nanoTime() - sent) / 1_000_000;
                maxLatency.accumulateAndGet(latency, Math::max);
                if (latency > 1000) {
                    slowCalls.incrementAndGet();
                }
                Exception e = exchange.getException();
                if (e != null) {
                    failed.incrementAndGet();
                    failures.merge(kind(e), 1L, Long::sum);
                    synchronized (firstFailures) {
                        if (firstFailures.size() < 3) {
                            firstFailures.add(e.getMessage());
                        }
                    }
                } else if (ready.compareAndSet(false, true)) {
                    System.out.println("READY");
                    System.out.flush();
                }
                done.countDown();
            });
        }
        boolean all = done.await(2, TimeUnit.MINUTES);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("mode", "tokens");
        r.put("owner", zalo.tokenManager().owner());
        r.put("calls", calls);
        r.put("completed", all);
        r.put("failed", failed.get());
        r.put("failures", new TreeMap<>(failures));
        r.put("firstFailures", firstFailures);
        r.put("maxLatencyMs", maxLatency.get());
        r.put("callsOverOneSecond", slowCalls.get());
        r.put("refreshes", settledRefreshes(zalo, oaId));
        r.put("jvm", ManagementFactory.getRuntimeMXBean().getName());
        producer.stop();
        context.stop();
        if (redis != null) {
            redis.stop();
        }
        if (pool != null) {
            pool.close();
        }
        return r;
    }

    private static String kind(Exception e) {
        return e instanceof ZaloApiException z ? z.getKind().name() : e.getClass().getSimpleName();
    }


    /**
     * The refreshes this JVM made, once none is in flight: a refresh ahead of expiry that a last call started may
     * still be on its way when the calls are done, and the sandbox counts it as soon as it answers.
     */
    private static long settledRefreshes(ZaloComponent zalo, String oaId) throws InterruptedException {
        long last = zalo.tokenManager().status(oaId).refreshes();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            TokenStatus status = zalo.tokenManager().status(oaId);
            if (status.refreshes() == last && status.leaseHolder() == null) {
                return last;
            }
            last = status.refreshes();
        }
        return last;
    }
}
