package io.github.camelzalo.component.zalo.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloEndpoint;
import io.github.camelzalo.component.zalo.events.EventAckMode;
import io.github.camelzalo.component.zalo.events.EventRejection;
import io.github.camelzalo.component.zalo.events.ZaloEventsConfiguration;
import io.github.camelzalo.component.zalo.events.ZaloEventsConsumer;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.management.AccountActivity;
import io.github.camelzalo.component.zalo.management.MonitoredAccount;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code zalo} developer console (Camel JBang's {@code camel get}, Camel Main's {@code /q/dev/zalo}, Spring
 * Boot's actuator), in text and JSON: for each zalo component, the proxy its calls take and each provider account its
 * endpoints call (provider, base URL, a digest of the key), what the calls did (successes, failures by kind, the
 * latest failures, a lock-out), what the rate limit does (configured and current rate, calls waiting, 429s
 * absorbed, slowdowns), for provider zalo, each OA's tokens (expires in, last refresh, lease holder of a shared token
 * store), and each {@code zalo:events} consumer (webhook path, ack mode, requests received, refused by reason,
 * duplicates, answered late, refused when full, the last request refused as not Zalo's). Never a secret.
 */
@DevConsole(name = "zalo", displayName = "Zalo", description = "Zalo accounts, pacing, tokens, failures and events")
public class ZaloDevConsole extends AbstractDevConsole {

    public ZaloDevConsole() {
        super("camel", "zalo", "Zalo", "Zalo accounts, pacing, tokens, failures and events");
    }

    /** The started routes of {@code zalo}'s {@code zalo:events} consumers, in the context's order. */
    private List<ZaloEventsConsumer> eventsConsumers(ZaloComponent zalo) {
        List<ZaloEventsConsumer> found = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof ZaloEventsConsumer c && c.getEndpoint().getComponent() == zalo) {
                found.add(c);
            }
        }
        return found;
    }

    private static String routeId(ZaloEventsConsumer c) {
        return c.getRouteId() == null ? "" : c.getRouteId();
    }

    private static ZaloEventsConfiguration options(ZaloEventsConsumer c) {
        return ((ZaloEndpoint) c.getEndpoint()).getEventsConfiguration();
    }

    private static String oaOf(ZaloEventsConsumer c) {
        String oa = ((ZaloEndpoint) c.getEndpoint()).getConfiguration().getOaId();
        return oa == null ? null : oa.strip();
    }

    private static void eventsText(StringBuilder sb, ZaloEventsConsumer c) {
        ZaloEventsConfiguration o = options(c);
        sb.append(String.format("%nEvents on %s (route %s)%n", c.getWebhookPath(), routeId(c)));
        sb.append(String.format("    Served: %s%n", c.isWebhookServed() ? "yes, at " + c.getWebhookUrl()
                : "NO, the HTTP server has no consumer for the path"));
        String oa = oaOf(c);
        sb.append(String.format("    Takes: %s of %s; ackMode %s%s%n",
                o.getEvents() == null ? "every event" : o.getEvents(), oa == null ? "every OA" : "OA " + oa,
                o.getAckMode(), o.getAckMode() == EventAckMode.afterRoute
                        ? ", ackTimeout " + o.getAckTimeout() + " ms" : ""));
        long rejected = 0;
        StringBuilder reasons = new StringBuilder();
        for (Map.Entry<EventRejection, Long> r : c.getRejected().entrySet()) {
            rejected += r.getValue();
            if (r.getValue() > 0) {
                reasons.append(reasons.isEmpty() ? "" : " ").append(r.getKey().name()).append('=').append(r.getValue());
            }
        }
        sb.append(String.format("    Requests (path): %d received, %d rejected%s, %d unclaimed%n", c.getReceived(),
                rejected, reasons.isEmpty() ? "" : " (" + reasons + ")", c.getUnclaimed()));
        sb.append(String.format("    Events: %d accepted, %d completed, %d failed (answered 500), %d failed after the"
                                + " answer, %d duplicates, %d filtered%n",
                c.getAccepted(), c.getCompleted(), c.getFailed(), c.getFailedAfterAck(), c.getDuplicates(),
                c.getFiltered()));
        sb.append(String.format("    Answers: %d answered late (at ackTimeout), %d refused when full, %d refused while"
                                + " in flight, %d in flight%n",
                c.getAckedLate(), c.getRefusedWhenFull(), c.getRefusedInFlight(), c.getInFlight()));
        if (c.getLastVerificationFailureAt() != null) {
            sb.append(String.format("    Not verified: last at %s (%s), %d since the last verified event%s%n",
                    c.getLastVerificationFailureAt(), c.getLastVerificationFailure(),
                    c.getVerificationFailuresSinceVerified(),
                    c.getLastVerifiedAt() == null ? " (none yet)" : " at " + c.getLastVerifiedAt()));
        }
    }

    private static JsonObject eventsJson(ZaloEventsConsumer c) {
        ZaloEventsConfiguration o = options(c);
        JsonObject je = new JsonObject();
        je.put("routeId", routeId(c));
        je.put("webhookPath", c.getWebhookPath());
        je.put("served", c.isWebhookServed());
        if (c.getWebhookUrl() != null) {
            je.put("webhookUrl", c.getWebhookUrl());
        }
        je.put("ackMode", o.getAckMode().name());
        je.put("ackTimeout", o.getAckTimeout());
        if (oaOf(c) != null) {
            je.put("oaId", oaOf(c));
        }
        if (o.getEvents() != null) {
            je.put("events", o.getEvents());
        }
        je.put("received", c.getReceived());
        JsonObject rejected = new JsonObject();
        c.getRejected().forEach((r, n) -> rejected.put(r.name(), n));
        je.put("rejected", rejected);
        je.put("unclaimed", c.getUnclaimed());
        je.put("accepted", c.getAccepted());
        je.put("completed", c.getCompleted());
        je.put("failed", c.getFailed());
        je.put("failedAfterAck", c.getFailedAfterAck());
        je.put("duplicates", c.getDuplicates());
        je.put("filtered", c.getFiltered());
        je.put("ackedLate", c.getAckedLate());
        je.put("refusedWhenFull", c.getRefusedWhenFull());
        je.put("refusedInFlight", c.getRefusedInFlight());
        je.put("inFlight", c.getInFlight());
        if (c.getLastVerifiedAt() != null) {
            je.put("lastVerifiedAt", c.getLastVerifiedAt().toString());
        }
        if (c.getLastVerificationFailureAt() != null) {
            je.put("lastVerificationFailureAt", c.getLastVerificationFailureAt().toString());
            je.put("lastVerificationFailure", c.getLastVerificationFailure().name());
        }
        je.put("verificationFailuresSinceVerified", c.getVerificationFailuresSinceVerified());
        return je;
    }

    /** The zalo components of the context, by name; none is created for the asking. */
    private List<Map.Entry<String, ZaloComponent>> components() {
        CamelContext context = getCamelContext();
        List<Map.Entry<String, ZaloComponent>> found = new ArrayList<>();
        for (String name : context.getComponentNames()) {
            // hasComponent never creates one: during a Spring Boot start-up that could dead-lock
            Component c = context.hasComponent(name);
            if (c instanceof ZaloComponent zalo) {
                found.add(Map.entry(name, zalo));
            }
        }
        return found;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        Instant now = Instant.now();
        for (Map.Entry<String, ZaloComponent> e : components()) {
            ZaloComponent zalo = e.getValue();
            sb.append(String.format("Component %s%n    Proxy: %s%n", e.getKey(), zalo.describeProxy()));
            for (MonitoredAccount account : zalo.getMonitor().getAccounts()) {
                AccountActivity a = account.getActivity();
                sb.append(String.format("%nAccount %s%n", account.getName()));
                sb.append(String.format("    Endpoints: %d%n", account.getEndpoints()));
                sb.append(String.format("    Calls: %d succeeded, %d failed, %d refused as invalid input%n",
                        a.getSucceeded(), a.getFailed(), a.getInvalidInput()));
                if (!a.getFailuresByKind().isEmpty()) {
                    sb.append("    Failures by kind:");
                    a.getFailuresByKind().forEach((kind, n) -> sb.append(' ').append(kind).append('=').append(n));
                    sb.append(System.lineSeparator());
                }
                if (a.getLockedOutUntil() != null) {
                    sb.append(String.format("    Locked out until: %s%n", a.getLockedOutUntil()));
                }
                RateLimitStats r = account.getRateLimitStats();
                sb.append(r == null ? String.format("    Rate limit: off%n")
                        : String.format("    Rate limit: %.2f/s configured, %.2f/s now, %d waiting, %d rate-limited"
                                        + " answers (%d sent again), %d slowdowns, %d writes held back%n",
                                r.getConfiguredRate(), r.getCurrentRate(), r.getWaiting(), r.getRateLimitedAnswers(),
                                r.getResends(), r.getSlowdowns(), r.getWritesHeldBack()));
                if (!a.getRecentFailures().isEmpty()) {
                    sb.append("    Latest failures:").append(System.lineSeparator());
                    for (AccountActivity.Failure f : a.getRecentFailures()) {
                        sb.append(String.format("        %s %s %s: %s%n", f.at(), f.operation(), f.kind(),
                                f.message()));
                    }
                }
            }
            List<TokenStatus> tokens = zalo.tokenStatuses();
            if (!tokens.isEmpty()) {
                sb.append(String.format("%nTokens of app %s%n", tokens.get(0).appId()));
                for (TokenStatus t : tokens) {
                    sb.append(String.format("    OA %s: %s, %d refreshes%s%s%s%s%n", t.oaId(), expiresIn(t, now),
                            t.refreshes(), t.lastRefreshAt() == null ? "" : ", last at " + t.lastRefreshAt(),
                            t.reauthorizationNeeded() ? ", MUST BE AUTHORIZED AGAIN" : "",
                            t.lastFailureKind() == null ? "" : ", last failure " + t.lastFailureKind() + " at "
                                                                + t.lastFailureAt(),
                            t.leaseHolder() == null ? "" : ", refresh lease held by " + t.leaseHolder()));
                }
            }
            for (ZaloEventsConsumer c : eventsConsumers(zalo)) {
                eventsText(sb, c);
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String expiresIn(TokenStatus t, Instant now) {
        return t.accessTokenExpiresAt() == null ? "no access token"
                : "access token expires in " + Duration.between(now, t.accessTokenExpiresAt()).toSeconds() + " s";
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> components = new ArrayList<>();
        Instant now = Instant.now();
        for (Map.Entry<String, ZaloComponent> e : components()) {
            ZaloComponent zalo = e.getValue();
            JsonObject jc = new JsonObject();
            jc.put("name", e.getKey());
            jc.put("proxy", zalo.describeProxy());
            List<JsonObject> accounts = new ArrayList<>();
            for (MonitoredAccount account : zalo.getMonitor().getAccounts()) {
                accounts.add(account(account));
            }
            jc.put("accounts", accounts);
            List<JsonObject> tokens = new ArrayList<>();
            for (TokenStatus t : zalo.tokenStatuses()) {
                tokens.add(token(t, now));
            }
            if (!tokens.isEmpty()) {
                jc.put("tokens", tokens);
            }
            List<JsonObject> events = new ArrayList<>();
            for (ZaloEventsConsumer c : eventsConsumers(zalo)) {
                events.add(eventsJson(c));
            }
            if (!events.isEmpty()) {
                jc.put("events", events);
            }
            components.add(jc);
        }
        root.put("components", components);
        return root;
    }

    private static JsonObject account(MonitoredAccount account) {
        AccountActivity a = account.getActivity();
        JsonObject ja = new JsonObject();
        ja.put("provider", account.getProvider());
        ja.put("baseUrl", account.getBaseUrl());
        ja.put("keyDigest", account.getKeyDigest());
        ja.put("account", account.getName());
        ja.put("endpoints", account.getEndpoints());
        JsonObject calls = new JsonObject();
        calls.put("succeeded", a.getSucceeded());
        calls.put("failed", a.getFailed());
        calls.put("invalidInput", a.getInvalidInput());
        ja.put("calls", calls);
        ja.put("failuresByKind", new JsonObject(a.getFailuresByKind()));
        if (a.getLockedOutUntil() != null) {
            ja.put("lockedOutUntil", a.getLockedOutUntil().toString());
        }
        RateLimitStats r = account.getRateLimitStats();
        if (r != null) {
            JsonObject jr = new JsonObject();
            jr.put("configuredRate", r.getConfiguredRate());
            jr.put("currentRate", r.getCurrentRate());
            jr.put("waiting", r.getWaiting());
            jr.put("permitsGranted", r.getPermitsGranted());
            jr.put("rateLimitedAnswers", r.getRateLimitedAnswers());
            jr.put("resends", r.getResends());
            jr.put("slowdowns", r.getSlowdowns());
            jr.put("writesHeldBack", r.getWritesHeldBack());
            ja.put("rateLimit", jr);
        }
        List<JsonObject> recent = new ArrayList<>();
        for (AccountActivity.Failure f : a.getRecentFailures()) {
            JsonObject jf = new JsonObject();
            jf.put("at", f.at().toString());
            jf.put("operation", f.operation());
            jf.put("kind", f.kind());
            jf.put("message", f.message());
            recent.add(jf);
        }
        ja.put("recentFailures", recent);
        return ja;
    }

    private static JsonObject token(TokenStatus t, Instant now) {
        JsonObject jt = new JsonObject();
        jt.put("appId", t.appId());
        jt.put("oaId", t.oaId());
        if (t.accessTokenExpiresAt() != null) {
            jt.put("accessTokenExpiresAt", t.accessTokenExpiresAt().toString());
            jt.put("expiresInSeconds", Duration.between(now, t.accessTokenExpiresAt()).toSeconds());
        }
        if (t.lastRefreshAt() != null) {
            jt.put("lastRefreshAt", t.lastRefreshAt().toString());
        }
        jt.put("refreshes", t.refreshes());
        jt.put("reauthorizationNeeded", t.reauthorizationNeeded());
        if (t.lastFailureKind() != null) {
            jt.put("lastFailureKind", t.lastFailureKind().name());
            jt.put("lastFailureAt", t.lastFailureAt().toString());
        }
        if (t.leaseHolder() != null) {
            jt.put("leaseHolder", t.leaseHolder());
        }
        return jt;
    }
}
