package io.github.camelzalo.component.zalo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.RejectedExecutionException;

import java.util.Map;

import io.github.camelzalo.component.zalo.events.ZaloEventsConfiguration;
import io.github.camelzalo.component.zalo.events.ZaloEventsConsumer;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.provider.StaticCredentials;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.provider.zalo.OaTokenCredentials;
import io.github.camelzalo.component.zalo.provider.zalo.ZaloOaProvider;
import io.github.camelzalo.component.zalo.pacing.AccountPacer;
import io.github.camelzalo.component.zalo.pacing.PacerRegistry;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import io.github.camelzalo.component.zalo.provider.ZaloProvider;
import org.apache.camel.AsyncEndpoint;
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
    private volatile PacerRegistry.Lease pacing;

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
            pacing = PacerRegistry.jvm().lease(boundOperation.account, rateLimit);
        }
    }

    @Override
    protected void doStop() throws Exception {
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

    BoundOperation<?, ?> getBoundOperation() {
        return boundOperation;
    }

    ZaloFailures getFailures() {
        return failures;
    }

    /** The pacer of this endpoint's account while the endpoint runs and its provider has a rate limit. */
    AccountPacer getPacer() {
        return pacing == null ? null : pacing.pacer();
    }

    /**
     * What the client-side rate limit of this endpoint's provider account has done, shared with every endpoint
     * of the JVM that calls the same account; {@code null} when the provider's rate limit is off or the endpoint
     * is not started.
     */
    public RateLimitStats getRateLimitStats() {
        return getPacer();
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
