package io.github.camelzalo.component.zalo.micrometer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.management.MonitoredAccount;
import io.github.camelzalo.component.zalo.management.ZaloCallEvent;
import io.github.camelzalo.component.zalo.management.ZaloCallListener;
import io.github.camelzalo.component.zalo.management.ZaloEventListener;
import io.github.camelzalo.component.zalo.management.ZaloEventOutcome;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one zalo component, for Prometheus and every other Micrometer backend:
 * <ul>
 * <li>{@code zalo.calls} (timer): every exchange a {@code zalo:} producer finished, by {@code provider},
 * {@code operation}, {@code outcome} ({@code OK}, the {@code ZaloErrorKind}, {@code INVALID_INPUT} or {@code ERROR})
 * and {@code account} (the base URL's host and the key's digest, never the key);</li>
 * <li>{@code zalo.ratelimit.waits} (timer): how long each paced call waited for its turn under its account's rate
 * limit;</li>
 * <li>{@code zalo.ratelimit.rate}, {@code zalo.ratelimit.configured} (gauges, calls per second),
 * {@code zalo.ratelimit.waiting} (gauge), {@code zalo.ratelimit.answers} (429 answers), {@code zalo.ratelimit.resends}
 * (429s absorbed) and {@code zalo.ratelimit.slowdowns} (function counters) per paced account;</li>
 * <li>provider zalo, per OA: {@code zalo.token.expires} (gauge, seconds until the access token expires, negative
 * when expired or none), {@code zalo.token.refreshes} (function counter) and {@code zalo.token.reauthorization}
 * (gauge, 1 while an admin must authorize the app again);</li>
 * <li>{@code zalo.events} (counter): every step of a {@code zalo:events} webhook request, by {@code path},
 * {@code outcome} (a {@link ZaloEventOutcome} constant: {@code REJECTED}, {@code ACCEPTED}, {@code DUPLICATE},
 * {@code REFUSED_IN_FLIGHT}, {@code COMPLETED}, {@code FAILED}, {@code ACKED_LATE} ...), {@code reason} (the
 * rejection's, e.g. {@code BAD_SIGNATURE}, else {@code none}), {@code event} and {@code oa} (the event's name and OA once it is
 * verified, else {@code unknown}; past {@value #MAX_TAG_VALUES} different values, {@code other}).</li>
 * </ul>
 * An account's gauges come with its first endpoint and go with its last; everything goes when the component stops.
 */
final class ZaloMeters implements ZaloCallListener, ZaloEventListener, AutoCloseable {

    private static final long TOKEN_SCAN_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The most event names, and the most OAs, that get a tag value of their own. */
    static final int MAX_TAG_VALUES = 100;
    static final String UNKNOWN = "unknown";
    static final String OTHER = "other";
    static final String NONE = "none";

    private final ZaloComponent component;
    private final MeterRegistry registry;
    private final Map<List<String>, Timer> calls = new ConcurrentHashMap<>();
    private final Map<String, Timer> waits = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> events = new ConcurrentHashMap<>();
    private final Set<String> eventNames = ConcurrentHashMap.newKeySet();
    private final Set<String> eventOas = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Meter>> accountMeters = new ConcurrentHashMap<>();
    private final Set<String> tokenOas = ConcurrentHashMap.newKeySet();
    private final List<Meter> tokenMeters = new CopyOnWriteArrayList<>();
    private volatile long tokensScannedAt = System.nanoTime() - TOKEN_SCAN_NANOS;

    ZaloMeters(ZaloComponent component, MeterRegistry registry) {
        this.component = component;
        this.registry = registry;
        component.getMonitor().onAccounts(this::accountAdded, this::accountRemoved);
    }

    @Override
    public void callFinished(ZaloCallEvent e) {
        calls.computeIfAbsent(List.of(e.provider(), e.operation(), e.outcome(), e.account()),
                k -> Timer.builder("zalo.calls")
                        .description("Exchanges a zalo: producer finished, from the moment they reached it")
                        .tags("provider", e.provider(), "operation", e.operation(), "outcome", e.outcome(),
                                "account", e.account())
                        .register(registry))
                .record(e.durationNanos(), TimeUnit.NANOSECONDS);
        if (e.permitWaitNanos() >= 0) {
            waits.computeIfAbsent(e.provider() + "/" + e.account(),
                    k -> Timer.builder("zalo.ratelimit.waits")
                            .description("How long a paced call waited for its turn under its account's rate limit")
                            .tags("provider", e.provider(), "account", e.account())
                            .register(registry))
                    .record(e.permitWaitNanos(), TimeUnit.NANOSECONDS);
        }
        if ("zalo".equals(e.provider()) && System.nanoTime() - tokensScannedAt >= TOKEN_SCAN_NANOS) {
            // an OA's first call makes its tokens known; a few scans a minute at most, never per call
            tokensScannedAt = System.nanoTime();
            registerTokenMeters();
        }
    }

    @Override
    public void eventHandled(ZaloEventOutcome o) {
        String reason = o.reason() == null ? NONE : o.reason();
        String event = bounded(eventNames, o.eventName());
        String oa = bounded(eventOas, o.oaId());
        events.computeIfAbsent(List.of(o.path(), o.outcome(), reason, event, oa),
                k -> Counter.builder("zalo.events")
                        .description("Steps of zalo:events webhook requests: how each was answered, how each accepted"
                                     + " event's route ended")
                        .tags("path", o.path(), "outcome", o.outcome(), "reason", reason, "event", event, "oa", oa)
                        .register(registry))
                .increment();
    }

    /**
     * A verified event's name or OA as a tag value; a flood of names (say, with verifySignature=false) ends in
     * {@code other} rather than in unbounded meters.
     */
    private static String bounded(Set<String> seen, String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.size() < MAX_TAG_VALUES) {
                seen.add(value);
                return value;
            }
        }
        return OTHER;
    }

    private void accountAdded(MonitoredAccount account) {
        Tags tags = Tags.of("provider", account.getProvider(), "account", account.getId());
        List<Meter> meters = new CopyOnWriteArrayList<>();
        meters.add(gauge("zalo.ratelimit.rate", "The rate in force now, calls per second", account, tags,
                RateLimitStats::getCurrentRate));
        meters.add(gauge("zalo.ratelimit.configured", "The configured rate limit, calls per second", account, tags,
                RateLimitStats::getConfiguredRate));
        meters.add(gauge("zalo.ratelimit.waiting", "Calls waiting for their turn now", account, tags,
                RateLimitStats::getWaiting));
        meters.add(counter("zalo.ratelimit.answers", "Rate-limit answers (HTTP 429, Zalo -32) received", account, tags,
                RateLimitStats::getRateLimitedAnswers));
        meters.add(counter("zalo.ratelimit.resends", "Rate-limit answers absorbed: the call went again", account, tags,
                RateLimitStats::getResends));
        meters.add(counter("zalo.ratelimit.slowdowns", "Times a rate-limit answer slowed the pace down", account, tags,
                RateLimitStats::getSlowdowns));
        List<Meter> previous = accountMeters.put(account.getProvider() + "/" + account.getId(), meters);
        if (previous != null) {
            previous.forEach(registry::remove);
        }
        if ("zalo".equals(account.getProvider())) {
            registerTokenMeters();
        }
    }

    private void accountRemoved(MonitoredAccount account) {
        List<Meter> meters = accountMeters.remove(account.getProvider() + "/" + account.getId());
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private Gauge gauge(String name, String description, MonitoredAccount account, Tags tags,
                        ToDoubleFunction<RateLimitStats> value) {
        return Gauge.builder(name, account, a -> {
            RateLimitStats stats = a.getRateLimitStats();
            return stats == null ? 0 : value.applyAsDouble(stats);
        }).description(description).tags(tags).register(registry);
    }

    private FunctionCounter counter(String name, String description, MonitoredAccount account, Tags tags,
                                    ToDoubleFunction<RateLimitStats> value) {
        return FunctionCounter.builder(name, account, a -> {
            RateLimitStats stats = a.getRateLimitStats();
            return stats == null ? 0 : value.applyAsDouble(stats);
        }).description(description).tags(tags).register(registry);
    }

    private void registerTokenMeters() {
        for (TokenStatus t : component.tokenStatuses()) {
            String oa = t.oaId();
            if (!tokenOas.add(oa)) {
                continue;
            }
            Tags tags = Tags.of("app", t.appId(), "oa", oa);
            tokenMeters.add(Gauge.builder("zalo.token.expires", this, m -> m.secondsToExpiry(oa))
                    .description("Seconds until the OA's access token expires; negative when it has or there is none")
                    .baseUnit("seconds").tags(tags).register(registry));
            tokenMeters.add(FunctionCounter.builder("zalo.token.refreshes", this, m -> m.refreshes(oa))
                    .description("Refreshes of the OA's tokens this JVM made").tags(tags).register(registry));
            tokenMeters.add(Gauge.builder("zalo.token.reauthorization", this, m -> m.reauthorization(oa))
                    .description("1 while an admin of the OA must authorize the app again, else 0").tags(tags)
                    .register(registry));
        }
    }

    private TokenStatus status(String oa) {
        for (TokenStatus t : component.tokenStatuses()) {
            if (t.oaId().equals(oa)) {
                return t;
            }
        }
        return null;
    }

    private double secondsToExpiry(String oa) {
        TokenStatus t = status(oa);
        if (t == null || t.accessTokenExpiresAt() == null) {
            return -1;
        }
        return (t.accessTokenExpiresAt().toEpochMilli() - System.currentTimeMillis()) / 1000.0;
    }

    private double refreshes(String oa) {
        TokenStatus t = status(oa);
        return t == null ? 0 : t.refreshes();
    }

    private double reauthorization(String oa) {
        TokenStatus t = status(oa);
        return t != null && t.reauthorizationNeeded() ? 1 : 0;
    }

    /** Takes the component's meters out of the registry (its timers too: a stopped component's figures go). */
    @Override
    public void close() {
        calls.values().forEach(registry::remove);
        calls.clear();
        waits.values().forEach(registry::remove);
        waits.clear();
        events.values().forEach(registry::remove);
        events.clear();
        eventNames.clear();
        eventOas.clear();
        accountMeters.values().forEach(meters -> meters.forEach(registry::remove));
        accountMeters.clear();
        tokenMeters.forEach(registry::remove);
        tokenMeters.clear();
        tokenOas.clear();
    }
}
