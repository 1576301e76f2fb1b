package io.github.camelzalo.benchmark;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloEndpoint;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.sandbox.SandboxStats;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * One pacing run: a campaign of {@code calls} {@code zalo:send} (a transaction script to a follower, which Zalo's
 * rules always allow) handed to the route all at once, against a sandbox that enforces CareSoft's rate limit and
 * lock-out. The exchanges wait for their permits inside the component, holding no thread; the run ends when the
 * last one completes.
 */
final class PacingRun {

    private static final String TENANT = "bench";
    private static final String KEY = "bench-caresoft-key";
    private static final String FOLLOWER = "0981234980";
    private static final long TRANSACTION_SCRIPT = 201;

    record Result(int sandboxLimit, int componentLimit, int calls, double seconds, long failed, int threadsAdded,
            SandboxStats sandbox, long resends, long slowdowns, double rateAtEnd) {
    }

    private PacingRun() {
    }

    private static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        return names;
    }

    static Result run(int sandboxLimit, int lockoutAfter, int componentLimit, int calls) throws Exception {
        try (ZaloSandbox sandbox = ZaloSandbox.builder().port(0).caresoftTenant(TENANT, KEY).sampleData()
                .rateLimitPerSecond(sandboxLimit).lockoutAfter(lockoutAfter).build().start()) {
            Set<String> before = threadNames();
            CamelContext context = new DefaultCamelContext();
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(sandbox.caresoftBaseUrl(TENANT));
            zalo.getCaresoft().setApiKey(KEY);
            zalo.getConfiguration().setOaId(sandbox.oaId());
            zalo.getCaresoft().setRateLimit(componentLimit);
            context.addComponent("zalo", zalo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:campaign").to("zalo:send");
                }
            });
            context.start();
            try {
                AsyncProducer route = context.getEndpoint("direct:campaign").createAsyncProducer();
                route.start();
                CountDownLatch done = new CountDownLatch(calls);
                AtomicLong failed = new AtomicLong();
                long started = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    Exchange exchange = new DefaultExchange(context);
                    exchange.getMessage().setHeader(ZaloConstants.PHONE_NO, FOLLOWER);
                    exchange.getMessage().setHeader(ZaloConstants.SCRIPT_ID, TRANSACTION_SCRIPT);
                    exchange.getMessage().setHeader(ZaloConstants.TEMPLATE_PARAMS,
                            Map.of("username", "Nghĩa", "order_id", "DH-" + i));
                    route.process(exchange, sync -> {
                        if (exchange.getException() != null && failed.incrementAndGet() <= 3) {
                            System.out.println("  failed: " + exchange.getException().getMessage());
                        }
                        done.countDown();
                    });
                }
                // while thousands of calls wait for their permits: the threads the component (not the sandbox) added
                Thread.sleep(500);
                Set<String> added = threadNames();
                added.removeAll(before);
                added.removeIf(name -> name.startsWith("zalo-sandbox"));
                if (Boolean.getBoolean("benchmark.showThreads")) {
                    System.out.println("  threads added: " + added);
                }
                done.await(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - started) / 1e9;
                RateLimitStats stats = context.getEndpoint("zalo:send", ZaloEndpoint.class).getRateLimitStats();
                return new Result(sandboxLimit, componentLimit, calls, seconds, failed.get(), added.size(),
                        sandbox.stats(), stats.getResends(), stats.getSlowdowns(),
                        stats.getCurrentRate());
            } finally {
                context.stop();
            }
        }
    }
}
