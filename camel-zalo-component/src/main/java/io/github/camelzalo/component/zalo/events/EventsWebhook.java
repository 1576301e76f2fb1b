package io.github.camelzalo.component.zalo.events;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelzalo.component.zalo.ZaloAppAccount;
import io.github.camelzalo.component.zalo.management.ZaloEventOutcome;
import io.github.camelzalo.component.zalo.management.ZaloMonitor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook path on the runtime's HTTP server (platform-http), shared by the {@code zalo:events} consumers on it.
 * Every request goes through the same gate: method, content type, size, JSON, app, signature, replay window; only
 * then is the event handed to the consumer of its OA and name. Whatever is refused never reaches a route and is
 * answered here, with a DEBUG line that holds neither the body nor a key.
 */
final class EventsWebhook extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EventsWebhook.class);

    private final String path;
    private final Settings settings;
    private final OaSecretKeys keys;
    private final String appId;
    private final List<ZaloEventsConsumer> consumers = new CopyOnWriteArrayList<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder unclaimed = new LongAdder();
    private final java.util.Set<String> warnedOas = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<EventRejection, LongAdder> rejected = new EnumMap<>(EventRejection.class);
    private final LongAdder failuresSinceVerified = new LongAdder();
    private final ZaloMonitor monitor;
    /** Epoch millis of the last request that passed the signature check, 0 when none did. */
    private volatile long lastVerifiedAt;
    /** Epoch millis of the last request refused for {@link EventRejection#failsVerification()}, 0 when none was. */
    private volatile long lastVerificationFailureAt;
    private volatile EventRejection lastVerificationFailure;
    private volatile Consumer server;
    private volatile String serviceUrl;

    /** What every consumer of a path must agree on, since it applies before an event's consumer is known. */
    record Settings(int maxBodySize, long replayWindow, boolean verifySignature) {
    }

    EventsWebhook(String path, Settings settings, ZaloAppAccount app, ZaloMonitor monitor) {
        this.path = path;
        this.monitor = monitor;
        this.settings = settings;
        this.keys = OaSecretKeys.of(app);
        this.appId = app == null || app.getAppId() == null || app.getAppId().isBlank() ? null : app.getAppId().strip();
        for (EventRejection r : EventRejection.values()) {
            rejected.put(r, new LongAdder());
        }
        if (settings.verifySignature() && keys.isEmpty()) {
            throw new IllegalArgumentException("zalo:events checks every event's signature with the OA's secret key,"
                                               + " and none is configured: set zalo.oaSecretKey"
                                               + " (camel.component.zalo.zalo.oa-secret-key) or zalo.oaSecretKeys");
        }
    }

    String path() {
        return path;
    }

    Settings settings() {
        return settings;
    }

    /** Starts listening on the runtime's HTTP server. */
    void listen(CamelContext context) throws Exception {
        Endpoint endpoint;
        try {
            endpoint = context.getEndpoint("platform-http:" + path);
        } catch (ResolveEndpointFailedException e) {
            throw new IllegalStateException("zalo:events receives Zalo's webhooks on the runtime's HTTP server through"
                                            + " Camel's platform-http, which is not on the class path: add"
                                            + " camel-platform-http-main (Camel Main), camel-platform-http-starter"
                                            + " (Spring Boot) or another platform-http engine", e);
        }
        if (endpoint instanceof PlatformHttpEndpoint http) {
            // the service URL first: it makes the component find its engine
            serviceUrl = http.getServiceUrl() + path;
            PlatformHttpEngine engine = http.getPlatformHttpEngine() != null ? http.getPlatformHttpEngine()
                    : http.getComponent().getEngine();
            // vert.x reads the body in its router before any consumer (bounded by camel.server.maxBodySize); servlet
            // engines hand it over as a stream, which RequestBody then reads only as far as maxBodySize
            boolean vertx = engine != null
                            && engine.getClass().getName().startsWith("org.apache.camel.component.platform.http.vertx");
            http.setUseStreaming(!vertx);
            LOG.debug("zalo:events on {}: platform-http engine {}, body {}", path,
                    engine == null ? null : engine.getClass().getName(), vertx ? "read by vert.x" : "streamed");
        } else {
            serviceUrl = path;
        }
        server = endpoint.createConsumer(this);
        ServiceHelper.startService(server);
        LOG.info("Zalo webhook events are received at {}: in Zalo's developer console, set the app's webhook URL to"
                 + " https://<this server's public host>{}", serviceUrl, path);
        if (!settings.verifySignature()) {
            LOG.warn("zalo:events on {} does NOT check the signature of events (verifySignature=false): anyone who"
                     + " can reach it can post events. Use this only to try things locally.", path);
        }
    }

    void stopListening() {
        ServiceHelper.stopAndShutdownService(server);
        server = null;
    }

    void add(ZaloEventsConsumer consumer) {
        consumers.add(consumer);
    }

    /** @return whether no consumer is left */
    boolean remove(ZaloEventsConsumer consumer) {
        consumers.remove(consumer);
        return consumers.isEmpty();
    }

    long received() {
        return received.sum();
    }

    long unclaimed() {
        return unclaimed.sum();
    }

    /** Whether the path is served: its platform-http consumer is started. */
    boolean isServing() {
        Consumer s = server;
        return s != null && ServiceHelper.isStarted(s);
    }

    /** The URL platform-http serves the path at, once listening. */
    String serviceUrl() {
        return serviceUrl;
    }

    long lastVerifiedAt() {
        return lastVerifiedAt;
    }

    long lastVerificationFailureAt() {
        return lastVerificationFailureAt;
    }

    EventRejection lastVerificationFailure() {
        return lastVerificationFailure;
    }

    long failuresSinceVerified() {
        return failuresSinceVerified.sum();
    }

    /** Tells monitoring of one step of a request; the name and OA only of a verified event. */
    void record(String outcome, String reason, EventEnvelope verified) {
        if (monitor != null) {
            monitor.record(new ZaloEventOutcome(path, outcome, reason, verified == null ? null : verified.eventName(),
                    verified == null ? null : verified.oaId()));
        }
    }

    Map<EventRejection, Long> rejected() {
        Map<EventRejection, Long> copy = new EnumMap<>(EventRejection.class);
        rejected.forEach((r, n) -> copy.put(r, n.sum()));
        return copy;
    }

    @Override
    public boolean process(Exchange http, AsyncCallback callback) {
        received.increment();
        try {
            return handle(http, callback);
        } catch (Exception e) {
            // a bug or a broken connection while reading: the event is not taken, Zalo sends it again
            LOG.warn("zalo:events on {} could not read a request ({}); answered 500", path, e.getClass().getName());
            record(ZaloEventOutcome.ERROR, null, null);
            HttpAnswer.write(http, 500, "the event could not be read");
            callback.done(true);
            return true;
        }
    }

    private boolean handle(Exchange http, AsyncCallback callback) throws IOException {
        String method = http.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        if (method == null || !method.equalsIgnoreCase("POST")) {
            return refuse(http, callback, EventRejection.METHOD_NOT_ALLOWED, null);
        }
        String type = http.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return refuse(http, callback, EventRejection.UNSUPPORTED_MEDIA_TYPE, null);
        }
        byte[] body = RequestBody.read(http, settings.maxBodySize());
        if (body == RequestBody.TOO_LARGE) {
            return refuse(http, callback, EventRejection.TOO_LARGE, null);
        }
        EventEnvelope event = EventEnvelope.read(body);
        if (event == null) {
            return refuse(http, callback, EventRejection.MALFORMED, null);
        }
        if (appId != null && !appId.equals(event.appId())) {
            return refuse(http, callback, EventRejection.OTHER_APP, event);
        }
        if (settings.verifySignature()) {
            String signature = http.getMessage().getHeader(EventSignature.HEADER, String.class);
            if (signature == null || signature.isBlank()) {
                return refuse(http, callback, EventRejection.MISSING_SIGNATURE, event);
            }
            List<byte[]> oaKeys = keys.of(event.oaId());
            if (oaKeys.isEmpty()) {
                return refuse(http, callback, EventRejection.UNKNOWN_OA, event);
            }
            if (!EventSignature.matches(signature, event.appId(), body, event.timestamp(), oaKeys)) {
                return refuse(http, callback, EventRejection.BAD_SIGNATURE, event);
            }
        }
        // the key and the app are right (or not checked): whatever failed verification before is over
        lastVerifiedAt = System.currentTimeMillis();
        failuresSinceVerified.reset();
        if (settings.replayWindow() > 0
            && Math.abs(System.currentTimeMillis() - event.millis()) > settings.replayWindow()) {
            return refuse(http, callback, EventRejection.STALE, event, true);
        }
        // the consumers for this OA alone first, then those for every OA; the first that takes the event's name
        ZaloEventsConsumer first = null;
        for (boolean catchAll : new boolean[] { false, true }) {
            for (ZaloEventsConsumer c : consumers) {
                if (c.isCatchAll() == catchAll && c.takesOa(event.oaId())) {
                    first = first == null ? c : first;
                    if (c.takesEvent(event.eventName())) {
                        return c.receive(event, body, http, callback);
                    }
                }
            }
        }
        if (first == null) {
            unclaimed.increment();
            // a verified event nobody takes is a gap in the configuration: said once per OA at WARN, then counted
            if (event.oaId() != null && warnedOas.size() < 100 && warnedOas.add(event.oaId())) {
                LOG.warn("zalo:events on {} received a verified event of OA {}, which none of its consumers takes"
                         + " (their oaId is another; oaId= on the URI takes every OA): answered 200 and dropped."
                         + " Further ones are counted as unclaimed", path, event.oaId());
            } else {
                LOG.debug("zalo:events on {}: no consumer takes events of OA {}; {} answered 200 and dropped", path,
                        event.oaId(), event.eventName());
            }
            record(ZaloEventOutcome.UNCLAIMED, null, event);
            return answered(http, callback, 200, "not taken here");
        }
        return first.filtered(event, http, callback);
    }

    private boolean refuse(Exchange http, AsyncCallback callback, EventRejection why, EventEnvelope event) {
        return refuse(http, callback, why, event, false);
    }

    /** @param verified whether the event passed the signature check, so that its name and OA can be told */
    private boolean refuse(Exchange http, AsyncCallback callback, EventRejection why, EventEnvelope event,
                           boolean verified) {
        rejected.get(why).increment();
        if (why.failsVerification()) {
            failuresSinceVerified.increment();
            lastVerificationFailure = why;
            lastVerificationFailureAt = System.currentTimeMillis();
        }
        record(ZaloEventOutcome.REJECTED, why.name(), verified ? event : null);
        if (LOG.isDebugEnabled()) {
            LOG.debug("zalo:events on {} refused a request with {}: {}{}", path, why.status(), why.answer(),
                    event == null ? "" : " (" + event.eventName() + ", app " + event.appId() + ", OA " + event.oaId()
                                         + ")");
        }
        return answered(http, callback, why.status(), why.answer());
    }

    static boolean answered(Exchange http, AsyncCallback callback, int status, String text) {
        HttpAnswer.write(http, status, text);
        callback.done(true);
        return true;
    }

    @Override
    public String toString() {
        return "EventsWebhook[" + path + ", " + consumers.size() + " consumers]";
    }
}
