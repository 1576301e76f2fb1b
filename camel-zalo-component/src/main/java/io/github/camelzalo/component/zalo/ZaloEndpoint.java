package io.github.camelzalo.component.zalo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.RejectedExecutionException;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelzalo.component.zalo.auth.AccessToken;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.auth.TokenUnavailableException;
import io.github.camelzalo.component.zalo.management.AccountActivity;
import io.github.camelzalo.component.zalo.management.MonitoredAccount;
import io.github.camelzalo.component.zalo.management.ZaloCallEvent;
import io.github.camelzalo.component.zalo.events.ZaloEventsConfiguration;
import io.github.camelzalo.component.zalo.events.ZaloEventsConsumer;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.provider.StaticCredentials;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.provider.zalo.OaTokenCredentials;
import io.github.camelzalo.component.zalo.provider.zalo.ZaloOaProvider;
import io.github.camelzalo.component.zalo.pacing.AccountRateLimit;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.component.zalo.provider.ZaloProvider;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Check Zalo users and send Zalo messages through Vietnamese providers (CareSoft, eTelecom) and the official Zalo
 * OA API (messages of every kind, uploads, users, ZNS); receive Zalo's webhook events, verified and de-duplicated,
 * with {@code from("zalo:events")}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = ZaloConstants.SCHEME, title = "Zalo", syntax = "zalo:operation",
             category = { Category.CHAT, Category.SOCIAL }, headersClass = ZaloConstants.class)
@ManagedResource(description = "Managed ZaloEndpoint")
public class ZaloEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The operation: userStatus, send or sendImage (CareSoft, eTelecom, or the official API);"
                           + " sendFile, upload, userProfile, followers, sendZns, znsStatus, znsQuota or znsTemplate"
                           + " (the official API, provider zalo); events, the consumer of Zalo's webhook events.",
             enums = "userStatus,send,sendImage,sendFile,upload,userProfile,followers,sendZns,znsStatus,znsQuota,"
                     + "znsTemplate,events")
    @Metadata(required = true)
    private ZaloOperation operation;

    @UriParam
    private ZaloConfiguration configuration;

    @UriParam
    private ZaloEventsConfiguration eventsConfiguration = new ZaloEventsConfiguration();

    private BoundOperation<?, ?> boundOperation;
    private ZaloFailures failures;
    private volatile ZaloEventsConsumer eventsConsumer;
    /** Set while started: producers read it per call, from their own threads. */
    private volatile AccountRateLimit pacing;
    /** The account as monitoring sees it, while started. */
    private volatile MonitoredAccount monitored;
    /** The account's short name in monitoring: host and key digest. */
    private String accountId;

    public ZaloEndpoint(String uri, ZaloComponent component, ZaloOperation operation,
                        ZaloConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public ZaloComponent getComponent() {
        return (ZaloComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation.isConsumer()) {
            throw new UnsupportedOperationException("zalo:events receives Zalo's webhook events: use it in from(), and"
                                                    + " send with zalo:send");
        }
        return new ZaloProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!operation.isConsumer()) {
            throw new UnsupportedOperationException("zalo:" + operation + " only sends: the consumer is zalo:events");
        }
        String oaId = configuration.getOaId() == null ? null : configuration.getOaId().strip();
        ZaloEventsConsumer consumer = new ZaloEventsConsumer(this, processor, eventsConfiguration, oaId,
                getComponent().getZalo(), getComponent().webhookPaths());
        configureConsumer(consumer);
        eventsConsumer = consumer;
        return consumer;
    }

    /**
     * What the consumer of {@code zalo:events} has done (received, refused by reason, duplicates, answered late,
     * refused when full …); {@code null} for the other operations and before the consumer is created.
     */
    public ZaloEventsStats getEventsStats() {
        return eventsConsumer;
    }

    /** Takes part in the rate limit of the endpoint's provider account, when the component sets one. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (operation.isConsumer()) {
            return;
        }
        double rateLimit = getComponent().ratePerSecondOf(configuration.getProvider());
        if (rateLimit > 0) {
            pacing = getComponent().activeRateLimiter().open(boundOperation.account, rateLimit);
        }
        accountId = MonitoredAccount.idOf(boundOperation.account);
        monitored = getComponent().getMonitor().join(boundOperation.account, this, this::getRateLimitStats);
    }

    @Override
    protected void doStop() throws Exception {
        if (monitored != null) {
            getComponent().getMonitor().leave(boundOperation.account, this);
            monitored = null;
        }
        if (pacing != null) {
            // the operation only: the endpoint URI may carry an API key
            pacing.release(this, new RejectedExecutionException(
                    "The endpoint zalo:" + operation + " stopped before the call's turn came; it was not sent"));
            pacing = null;
        }
        super.doStop();
    }

    /** Checks the options of {@code zalo:events}, naming the option and what it takes. */
    void bindEvents() {
        ZaloEventsConfiguration e = eventsConfiguration;
        String path = e.getWebhookPath() == null ? "" : e.getWebhookPath().strip();
        if (!path.startsWith("/") || path.length() < 2 || !path.matches("/[A-Za-z0-9._~/-]*")) {
            throw new IllegalArgumentException("The webhookPath of zalo:events must be a path such as /zalo/events"
                                               + " (letters, digits, . _ ~ - and /), but was " + path);
        }
        e.setWebhookPath(path);
        OptionRanges.endpointAtLeast("ackTimeout", e.getAckTimeout(), 1, "at least 1 ms (Zalo wants 200 within 2 s)");
        OptionRanges.endpointAtLeast("maxBodySize", e.getMaxBodySize(), 1, "at least 1 byte");
        OptionRanges.endpointAtLeast("replayWindow", e.getReplayWindow(), 0, "0 (off) or more milliseconds");
        OptionRanges.endpointAtLeast("concurrentConsumers", e.getConcurrentConsumers(), 1, "at least 1");
        OptionRanges.endpointAtLeast("eventQueueSize", e.getEventQueueSize(), 0, "0 (no queue) or more");
        String oaId = configuration.getOaId();
        if (oaId != null && oaId.isBlank()) {
            configuration.setOaId(null);
        } else if (oaId != null && !oaId.strip().matches("\\d{1,32}")) {
            throw new IllegalArgumentException("The oaId (on the endpoint URI, or " + OptionRanges.propertyKey("oaId")
                                               + " on the component) must be a numeric Zalo OA id, but was " + oaId);
        }
    }

    /**
     * Ties the operation to its provider and account. Fails, with a message that says what to set, when the
     * provider does not offer the operation, or the base URL or API key is missing or malformed.
     */
    void bind() {
        ZaloProviderType type = configuration.getProvider() != null ? configuration.getProvider()
                : operation.defaultProvider();
        configuration.setProvider(type);
        ZaloProvider provider = type.adapter();
        OptionRanges.endpointAtLeast("connectTimeout", configuration.getConnectTimeout(), 1,
                "at least 1 ms (0 would mean waiting forever)");
        OptionRanges.endpointAtLeast("requestTimeout", configuration.getRequestTimeout(), 1, "at least 1 ms");
        OptionRanges.endpointAtLeast("rateLimitRetries", configuration.getRateLimitRetries(), 0,
                "0 (send once) or more");
        if (!provider.supports(operation)) {
            throw new IllegalArgumentException("The operation " + operation + " is not offered by provider "
                                               + provider.id() + "; it is offered by "
                                               + ZaloProviderType.offering(operation));
        }
        String oaId = configuration.getOaId();
        if (oaId != null && oaId.isBlank()) {
            configuration.setOaId(null);
        } else if (oaId != null && !oaId.strip().matches("\\d{1,32}")) {
            throw new IllegalArgumentException("The oaId (on the endpoint URI, or " + OptionRanges.propertyKey("oaId")
                                               + " on the component) must be a numeric Zalo OA id, but was " + oaId);
        }
        if (type == ZaloProviderType.zalo) {
            bindOfficialApi(provider);
        } else {
            bindApiKey(provider);
        }
    }

    /** CareSoft and eTelecom: one base URL and a static API key. */
    private void bindApiKey(ZaloProvider provider) {
        String base = configuration.getBaseUrl() != null && !configuration.getBaseUrl().isBlank()
                ? configuration.getBaseUrl().strip() : provider.defaultBaseUrl();
        if (base == null) {
            throw new IllegalArgumentException("A baseUrl is required for provider " + provider.id() + ": "
                                               + provider.baseUrlHint() + ". Set "
                                               + OptionRanges.named(provider.id() + ".baseUrl")
                                               + " on the component, or baseUrl on the endpoint");
        }
        String apiKey = configuration.getApiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("An apiKey is required for provider " + provider.id() + ". Set "
                                               + OptionRanges.named(provider.id() + ".apiKey")
                                               + " on the component, or apiKey on the endpoint");
        }
        base = withoutTrailingSlash(base);
        toHttpUri(base, provider.id() + ".baseUrl", provider);
        String key = apiKey.strip();
        this.boundOperation = new BoundOperation<>(operation, provider, Map.of(WireRequest.Api.ACCOUNT, base),
                AccountKey.of(provider.id(), base, key), new StaticCredentials(provider.authHeaders(key)),
                configuration);
        this.failures = new ZaloFailures(boundOperation, configuration.isRetryUnknownOutcome(), key);
    }

    /** The official API: an app's id and secret, two base URLs, and each OA's OAuth access token per call. */
    private void bindOfficialApi(ZaloProvider provider) {
        ZaloAppAccount app = getComponent().getZalo();
        if (app == null || app.getAppId() == null || app.getAppId().isBlank()) {
            throw new IllegalArgumentException("An appId is required for provider zalo: set "
                                               + OptionRanges.named("zalo.appId")
                                               + " on the component (the app's id in Zalo's developer console)");
        }
        if (!app.getAppId().strip().matches("\\d{1,32}")) {
            throw new IllegalArgumentException("The " + OptionRanges.named("zalo.appId")
                                               + " must be a numeric Zalo app id");
        }
        if (app.getAppSecret() == null || app.getAppSecret().isBlank()) {
            throw new IllegalArgumentException("An appSecret is required for provider zalo: set "
                                               + OptionRanges.named("zalo.appSecret")
                                               + " on the component (the app's secret key)");
        }
        String openApi = withoutTrailingSlash(orDefault(app.getOpenApiBaseUrl(), ZaloOaProvider.OPEN_API_BASE_URL));
        String business = withoutTrailingSlash(orDefault(app.getBusinessBaseUrl(),
                ZaloOaProvider.BUSINESS_BASE_URL));
        toHttpUri(openApi, "zalo.openApiBaseUrl", provider);
        toHttpUri(business, "zalo.businessBaseUrl", provider);
        Map<WireRequest.Api, String> bases = Map.of(WireRequest.Api.ACCOUNT, openApi,
                WireRequest.Api.OPEN_API, openApi, WireRequest.Api.BUSINESS, business);
        ZaloComponent component = getComponent();
        String appId = app.getAppId().strip();
        this.boundOperation = new BoundOperation<>(operation, provider, bases, AccountKey.of("zalo", openApi, appId),
                new OaTokenCredentials(component::tokenManager, app.getAppSecret().strip(), app.isAppSecretProof()),
                configuration);
        this.failures = new ZaloFailures(boundOperation, configuration.isRetryUnknownOutcome(),
                app.getAppSecret().strip());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String withoutTrailingSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * @param option the option that gave the URL, named in the error, e.g. {@code caresoft.baseUrl}
     */
    private static URI toHttpUri(String text, String option, ZaloProvider provider) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(text, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            String where = option.endsWith(".baseUrl") ? OptionRanges.named(option)
                                                         + " on the component, or baseUrl on the endpoint"
                    : OptionRanges.named(option) + " on the component";
            throw new IllegalArgumentException("The baseUrl for provider " + provider.id() + " (" + where
                                               + ") must be an absolute http(s) URL: " + provider.baseUrlHint(), e);
        }
    }

    /**
     * A call of this endpoint finished: what it did goes to its account's activity and to the call listeners.
     * Never throws: monitoring must not change how an exchange ends.
     *
     * @param failure         what the exchange failed with, {@code null} for a success
     * @param permitWaitNanos how long it waited for its turn under the rate limit, {@code -1} when not paced
     */
    void callFinished(Throwable failure, long durationNanos, long permitWaitNanos, int resends) {
        try {
            ZaloErrorKind kind = failure instanceof ZaloApiException api ? api.getKind() : null;
            String outcome = failure == null ? ZaloCallEvent.OK
                    : kind != null ? kind.name()
                    : failure instanceof ZaloValidationException ? ZaloCallEvent.INVALID_INPUT : ZaloCallEvent.ERROR;
            MonitoredAccount account = monitored;
            getComponent().getMonitor().record(account, new ZaloCallEvent(configuration.getProvider().name(),
                    operation.name(), accountId, outcome, kind, durationNanos,
                    permitWaitNanos, resends), failure);
        } catch (RuntimeException e) {
            // nothing of monitoring may reach the route
        }
    }

    /** The account as monitoring sees it while the endpoint runs, else {@code null}. */
    public MonitoredAccount getMonitoredAccount() {
        return monitored;
    }

    BoundOperation<?, ?> getBoundOperation() {
        return boundOperation;
    }

    ZaloFailures getFailures() {
        return failures;
    }

    /** The rate limit of this endpoint's account while the endpoint runs and its provider has a rate limit. */
    AccountRateLimit getPacer() {
        return pacing;
    }

    /**
     * What the client-side rate limit of this endpoint's provider account has done, shared with every endpoint
     * of the JVM that calls the same account; {@code null} when the provider's rate limit is off or the endpoint
     * is not started.
     */
    public RateLimitStats getRateLimitStats() {
        AccountRateLimit p = pacing;
        return p == null ? null : p.stats();
    }

    public ZaloOperation getOperation() {
        return operation;
    }

    /**
     * The operation, see the path option.
     */
    public void setOperation(ZaloOperation operation) {
        this.operation = operation;
    }

    public ZaloConfiguration getConfiguration() {
        return configuration;
    }

    public ZaloEventsConfiguration getEventsConfiguration() {
        return eventsConfiguration;
    }

    public void setEventsConfiguration(ZaloEventsConfiguration eventsConfiguration) {
        this.eventsConfiguration = eventsConfiguration;
    }

    public void setConfiguration(ZaloConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * What Camel's {@code service} console shows besides the URL: provider, operation, the account (a digest of the
     * key, never the key) and the OA.
     */
    @Override
    public Map<String, String> getServiceMetadata() {
        if (boundOperation == null) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("provider", boundOperation.provider.id());
        metadata.put("operation", operation.name());
        metadata.put("account", boundOperation.account.toString());
        if (configuration.getOaId() != null) {
            metadata.put("oaId", configuration.getOaId());
        }
        return metadata;
    }

    // ---- JMX: what the endpoint's account did, shared with every endpoint of the account; never a secret ----

    @ManagedAttribute(description = "The provider: caresoft, etelecom or zalo")
    public String getProviderName() {
        return configuration.getProvider() == null ? null : configuration.getProvider().name();
    }

    @ManagedAttribute(description = "The account: provider, base URL and a digest of the key (never the key)")
    public String getAccount() {
        return boundOperation == null ? null : boundOperation.account.toString();
    }

    @ManagedAttribute(description = "The OA of calls that name none")
    public String getDefaultOaId() {
        return configuration.getOaId();
    }

    @ManagedAttribute(description = "Calls of the account that succeeded")
    public long getCallsSucceeded() {
        MonitoredAccount a = monitored;
        return a == null ? 0 : a.getActivity().getSucceeded();
    }

    @ManagedAttribute(description = "Calls of the account that failed")
    public long getCallsFailed() {
        MonitoredAccount a = monitored;
        return a == null ? 0 : a.getActivity().getFailed();
    }

    @ManagedAttribute(description = "Exchanges refused for bad input before anything was sent")
    public long getCallsInvalidInput() {
        MonitoredAccount a = monitored;
        return a == null ? 0 : a.getActivity().getInvalidInput();
    }

    @ManagedAttribute(description = "The account's failures so far by kind, e.g. RATE_LIMITED=2 UNAUTHORIZED=1")
    public String getFailuresByKind() {
        MonitoredAccount a = monitored;
        if (a == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        a.getActivity().getFailuresByKind().forEach((k, n) -> sb.append(sb.isEmpty() ? "" : " ").append(k)
                .append('=').append(n));
        return sb.toString();
    }

    @ManagedAttribute(description = "The kind of the account's last failure, or empty")
    public String getLastFailureKind() {
        AccountActivity.Failure f = lastFailure();
        return f == null ? "" : f.kind();
    }

    @ManagedAttribute(description = "When the account's last failure happened (ISO-8601), or empty")
    public String getLastFailureAt() {
        AccountActivity.Failure f = lastFailure();
        return f == null ? "" : f.at().toString();
    }

    private AccountActivity.Failure lastFailure() {
        MonitoredAccount a = monitored;
        return a == null ? null : a.getActivity().getLastFailure();
    }

    @ManagedAttribute(description = "Until when the provider locked the account out (ISO-8601), or empty")
    public String getLockedOutUntil() {
        MonitoredAccount a = monitored;
        Instant until = a == null ? null : a.getActivity().getLockedOutUntil();
        return until == null ? "" : until.toString();
    }

    @ManagedAttribute(description = "The account's configured rate limit, calls per second; 0 when pacing is off")
    public double getRateLimitConfigured() {
        RateLimitStats r = getRateLimitStats();
        return r == null ? 0 : r.getConfiguredRate();
    }

    @ManagedAttribute(description = "The rate in force now, lower than the configured one after 429 answers")
    public double getRateLimitCurrent() {
        RateLimitStats r = getRateLimitStats();
        return r == null ? 0 : r.getCurrentRate();
    }

    @ManagedAttribute(description = "Calls of the account waiting for their turn now")
    public int getRateLimitWaiting() {
        RateLimitStats r = getRateLimitStats();
        return r == null ? 0 : r.getWaiting();
    }

    @ManagedAttribute(description = "Rate-limit answers (HTTP 429, Zalo -32) the account received")
    public long getRateLimitedAnswers() {
        RateLimitStats r = getRateLimitStats();
        return r == null ? 0 : r.getRateLimitedAnswers();
    }

    @ManagedAttribute(description = "Rate-limit answers absorbed: the call went again after the back-off")
    public long getRateLimitResends() {
        RateLimitStats r = getRateLimitStats();
        return r == null ? 0 : r.getResends();
    }

    @ManagedAttribute(description = "Times a rate-limit answer slowed the account's pace down")
    public long getRateLimitSlowdowns() {
        RateLimitStats r = getRateLimitStats();
        return r == null ? 0 : r.getSlowdowns();
    }

    @ManagedAttribute(description = "Provider zalo: seconds until the access token of the default OA expires; -1 when"
                                    + " there is none or the endpoint is not provider zalo's")
    public long getAccessTokenExpiresIn() {
        TokenStatus t = defaultOaToken();
        return t == null || t.accessTokenExpiresAt() == null ? -1
                : Duration.between(Instant.now(), t.accessTokenExpiresAt()).toSeconds();
    }

    @ManagedAttribute(description = "Provider zalo: whether an admin of the default OA must authorize the app again")
    public boolean isReauthorizationNeeded() {
        TokenStatus t = defaultOaToken();
        return t != null && t.reauthorizationNeeded();
    }

    private TokenStatus defaultOaToken() {
        if (configuration.getProvider() != ZaloProviderType.zalo || configuration.getOaId() == null) {
            return null;
        }
        try {
            return getComponent().tokenManager().status(configuration.getOaId().strip());
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /**
     * Provider zalo: refreshes the OA's tokens now (unless a refresh is in flight), waiting at most requestTimeout.
     * Says when the new access token expires, or why there is none; never a token.
     */
    @ManagedOperation(description = "Provider zalo: refresh the access token of an OA now (empty: the default OA)")
    public String refreshAccessToken(String oaId) {
        if (configuration.getProvider() != ZaloProviderType.zalo) {
            return "Only provider zalo has access tokens; this endpoint's provider is " + getProviderName();
        }
        String oa = oaId == null || oaId.isBlank() ? configuration.getOaId() : oaId.strip();
        if (oa == null) {
            return "Name the OA: this endpoint has no oaId";
        }
        try {
            AccessToken token = getComponent().tokenManager().refreshNow(oa)
                    .get(configuration.getRequestTimeout(), TimeUnit.MILLISECONDS);
            return "Refreshed the tokens of OA " + oa + "; the access token expires at " + token.expiresAt();
        } catch (TimeoutException e) {
            return "The refresh of OA " + oa + " did not end within " + configuration.getRequestTimeout()
                   + " ms; it goes on";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return "Could not refresh the tokens of OA " + oa + ": "
                   + (cause instanceof TokenUnavailableException t ? t.getKind() + ", " + t.getMessage()
                           : cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /**
     * Back to the account's configured rate at once, without the pause of the last 429: for when the provider's
     * overload is known to be over.
     */
    @ManagedOperation(description = "Reset the account's rate limit to its configured rate, ending a slowdown")
    public String resetRateLimit() {
        AccountRateLimit limit = getPacer();
        if (limit == null) {
            return "Pacing is off for " + getAccount();
        }
        RateLimitStats stats = limit.stats();
        if (!limit.resetSlowdown()) {
            return "The rate limit of " + stats.getAccount() + " is shared (" + getComponent().activeRateLimiter()
                   + "): it comes back to its configured rate on its own schedule";
        }
        return "The rate limit of " + stats.getAccount() + " is back to " + stats.getConfiguredRate() + " calls/s";
    }

    @Override
    public String getServiceUrl() {
        if (operation.isConsumer()) {
            return eventsConfiguration.getWebhookPath();
        }
        return boundOperation != null ? boundOperation.serviceUri.toString() : null;
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
