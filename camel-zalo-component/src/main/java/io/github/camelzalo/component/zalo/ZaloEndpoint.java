package io.github.camelzalo.component.zalo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.RejectedExecutionException;

import java.util.Map;

import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.provider.StaticCredentials;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.provider.zalo.OaTokenCredentials;
import io.github.camelzalo.component.zalo.provider.zalo.ZaloOaProvider;
import io.github.camelzalo.component.zalo.pacing.AccountRateLimit;
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
 * OA API (messages of every kind, uploads, users, ZNS).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = ZaloConstants.SCHEME, title = "Zalo", syntax = "zalo:operation",
             producerOnly = true, category = { Category.CHAT, Category.SOCIAL }, headersClass = ZaloConstants.class)
public class ZaloEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    @UriPath(description = "The operation: userStatus, send or sendImage (CareSoft, eTelecom, or the official API);"
                           + " sendFile, upload, userProfile, followers, sendZns, znsStatus, znsQuota or znsTemplate"
                           + " (the official API, provider zalo).",
             enums = "userStatus,send,sendImage,sendFile,upload,userProfile,followers,sendZns,znsStatus,znsQuota,"
                     + "znsTemplate")
    @Metadata(required = true)
    private ZaloOperation operation;

    @UriParam
    private ZaloConfiguration configuration;

    private BoundOperation<?, ?> boundOperation;
    private ZaloFailures failures;
    /** Set while started: producers read it per call, from their own threads. */
    private volatile AccountRateLimit pacing;

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
        return new ZaloProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The zalo component only sends; it has no consumer");
    }

    /** Takes part in the rate limit of the endpoint's provider account, when the component sets one. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        double rateLimit = getComponent().ratePerSecondOf(configuration.getProvider());
        if (rateLimit > 0) {
            pacing = getComponent().activeRateLimiter().open(boundOperation.account, rateLimit);
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

    public void setConfiguration(ZaloConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return boundOperation != null ? boundOperation.serviceUri.toString() : null;
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
