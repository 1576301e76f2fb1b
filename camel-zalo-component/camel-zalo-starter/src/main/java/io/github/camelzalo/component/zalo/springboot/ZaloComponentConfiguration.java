package io.github.camelzalo.component.zalo.springboot;

import io.github.camelzalo.component.zalo.CareSoftAccount;
import io.github.camelzalo.component.zalo.ETelecomAccount;
import io.github.camelzalo.component.zalo.ZaloAppAccount;
import io.github.camelzalo.component.zalo.pacing.ZaloRateLimiter;
import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloProviderType;
import io.github.camelzalo.component.zalo.model.OaMessageType;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.util.concurrent.ExecutorService;

/**
 * Check Zalo users and send Zalo messages through Vietnamese providers (CareSoft, eTelecom) and the official Zalo OA API.
 * <p>
 * The {@code camel.component.zalo.*} properties, one per option of the zalo component (its {@code zalo.json}). The
 * field comments become the IDE help in {@code spring-configuration-metadata.json}; the defaults shown there come from
 * {@code additional-spring-configuration-metadata.json}, not from the fields: every field starts {@code null}, so only
 * what the user set is copied onto the component, and a {@code configuration} bean keeps its own values. Object
 * options (httpClient, workerPool, sslContextParameters, configuration) take a bean reference such as
 * {@code #bean:myClient}. A key under {@code camel.component.zalo} that is none of these fails the start-up
 * ({@code ignoreUnknownFields = false}), as in Camel Main, rather than being ignored.
 */
@ConfigurationProperties(prefix = "camel.component.zalo", ignoreUnknownFields = false)
public class ZaloComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the zalo component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * The CareSoft account every endpoint that uses CareSoft shares: caresoft.base-url (the tenant's API URL, e.g.
     * https://api.caresoft.vn/acme), caresoft.api-key (the API token) and caresoft.rate-limit (calls per second,
     * default 15, 0 = off).
     */
    @NestedConfigurationProperty
    private CareSoftAccount caresoft;
    /**
     * The eTelecom account every endpoint that uses eTelecom shares: etelecom.base-url (default
     * https://api.etelecom.vn/v1/shop), etelecom.api-key (the shop's api_key, or shop_key for the Partner API) and
     * etelecom.rate-limit (calls per second, default 0 = off).
     */
    @NestedConfigurationProperty
    private ETelecomAccount etelecom;
    /**
     * The official Zalo OA API's account (provider zalo): zalo.app-id, zalo.app-secret, zalo.oa-secret-key (and
     * zalo.previous-oa-secret-key, zalo.oa-secret-keys for several OAs, which check zalo:events' signatures),
     * zalo.refresh-token (the first one, which seeds the token store), zalo.token-store or zalo.token-directory,
     * zalo.rate-limit (calls per minute, default 4000), and zalo.oauth-base-url, zalo.open-api-base-url,
     * zalo.business-base-url to point at a sandbox.
     */
    @NestedConfigurationProperty
    private ZaloAppAccount zalo;
    /**
     * Provider zalo, for send: the message type when the CamelZaloMessageType header is absent (consultation by
     * default; a template message goes as the type its template needs).
     */
    private OaMessageType messageType;
    /**
     * Provider zalo, for sendZns: send in development mode, which Zalo delivers only to the app's and the OA's admins.
     */
    private Boolean development;
    /**
     * Provider zalo, for sendZns: check the template data against the template's parameters before sending.
     */
    private Boolean validateTemplateData;
    /**
     * Provider zalo, for followers: only users with this tag.
     */
    private String tag;
    /**
     * Provider zalo, for followers: only users who interacted in this period, TODAY, YESTERDAY, L7D or L30D.
     */
    private String lastInteractionPeriod;
    /**
     * Provider zalo, for followers: only users who follow the OA.
     */
    private Boolean followersOnly;
    /**
     * Provider zalo, for followers: read every page instead of one, up to max-results users.
     */
    private Boolean allPages;
    /**
     * Provider zalo, for followers with all-pages: the most users read in one exchange.
     */
    private Integer maxResults;
    /**
     * How many times a call answered with a rate-limit error (HTTP 429, which means the request was not
     * processed) is sent again, after the back-off, before the exchange fails with a retryable ZaloApiException of
     * kind RATE_LIMITED. Applies when the provider's rate limit is on. 0 sends once.
     */
    private Integer rateLimitRetries;
    /**
     * The Zalo Official Account id used when the CamelZaloOaId header is absent.
     */
    private String oaId;
    /**
     * The provider that carries the call. Defaults to caresoft for userStatus and send, and to etelecom for
     * sendImage.
     */
    private ZaloProviderType provider;
    /**
     * The provider's API base URL for every endpoint, whatever its provider. Prefer caresoft.base-url and
     * etelecom.base-url, which apply to one provider each.
     */
    private String baseUrl;
    /**
     * The provider API key for every endpoint, whatever its provider, sent as a Bearer token. Prefer
     * caresoft.api-key and etelecom.api-key, which apply to one provider each.
     */
    private String apiKey;
    /**
     * How long to wait for a connection to the provider, in milliseconds.
     */
    private Integer connectTimeout;
    /**
     * How long one call may take in all, from sending until the answer has been read, in milliseconds. When it
     * passes the exchange fails with a ZaloApiException of kind TIMEOUT.
     */
    private Integer requestTimeout;
    /**
     * Whether a failure whose outcome is unknown (a timeout or broken connection after the request was sent, HTTP
     * 500/502/504) counts as retryable for send and sendImage. Off by default: retrying such a failure can deliver
     * the same message twice.
     */
    private Boolean retryUnknownOutcome;
    /**
     * The most connections open at once, over all endpoints and providers. Further calls wait for a free
     * connection without holding a thread.
     */
    private Integer maxConnections;
    /**
     * The largest answer accepted, in bytes. A larger one fails the exchange with a ZaloApiException of kind
     * RESPONSE_TOO_LARGE and is not read into memory.
     */
    private Integer maxResponseSize;
    /**
     * The I/O threads of the HTTP client the component creates. One thread carries tens of thousands of calls per
     * second; it only moves bytes, since answers are read and routes continue on the worker pool.
     */
    private Integer ioThreads;
    /**
     * The size of the worker pool the component creates: the number of exchanges that can continue their route
     * after a call at the same time. 0, the default, means half the number of processors, at least 1.
     */
    private Integer workerPoolSize;
    /**
     * The thread pool on which routes continue after a call, as a bean reference (#bean:name). By default the
     * component creates one of worker-pool-size threads.
     */
    private ExecutorService workerPool;
    /**
     * An HttpClient 5 async client to use instead of the one the component creates, as a bean reference
     * (#bean:name). The component starts it if needed but never closes it.
     */
    private CloseableHttpAsyncClient httpClient;
    /**
     * Whether the component counts and times its calls in Micrometer when the camel-zalo-micrometer module is on the
     * class path and a MeterRegistry is in the registry (meters zalo.calls, zalo.ratelimit.waits, ...). False turns
     * them off.
     */
    private Boolean metricsEnabled;
    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component (the readiness check of
     * each provider account). Camel runs producer checks only with camel.health.producers-enabled=true.
     */
    private Boolean healthCheckProducerEnabled;
    /**
     * The host of the outbound HTTP proxy every call goes through (http calls as proxy requests, https calls in a
     * CONNECT tunnel), for the client the component creates. Unset, calls go through the proxy of the JVM's standard
     * proxy system properties when they name one (see use-system-proxy), else directly.
     */
    private String proxyHost;
    /**
     * The port of proxy-host, required with it.
     */
    private Integer proxyPort;
    /**
     * The user name the proxy takes, sent as Basic credentials from the first request.
     */
    private String proxyUsername;
    /**
     * The password of proxy-username.
     */
    private String proxyPassword;
    /**
     * The hosts calls reach directly instead of through proxy-host, written as the JVM's http.nonProxyHosts: names
     * separated by a vertical bar or a comma, an asterisk in a name matching any text, e.g. localhost|*.internal.
     */
    private String nonProxyHosts;
    /**
     * When proxy-host is not set, whether calls go through the proxy of the JVM's standard proxy system properties
     * (https.proxyHost, https.proxyPort, http.proxyHost, http.proxyPort, http.nonProxyHosts). False ignores them.
     */
    private Boolean useSystemProxy;
    /**
     * Where each provider account's rate limit is kept, as a bean reference (#bean:name): a ZaloRateLimiter bean.
     * By default the one bean of that type in the registry (e.g. the Redis limiter of camel-zalo-redis, which paces
     * an account across every JVM that uses it), else each JVM paces on its own.
     */
    private ZaloRateLimiter rateLimiter;
    /**
     * TLS settings (trust store, key store) for the connections to the providers, as a bean reference
     * (#bean:name). Certificates and host names are always verified.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the global SSL context parameters of the CamelContext.
     */
    private Boolean useGlobalSslContextParameters;
    /**
     * The default options of every endpoint, as a bean reference (#bean:name). The bean is used as it is; a single
     * option set as well (request-timeout, ...) is applied to it. The single options are usually simpler.
     */
    private ZaloConfiguration configuration;
    /**
     * Whether the producer should be started lazy (on the first message), so that a route can start even when
     * the producer cannot yet.
     */
    private Boolean lazyStartProducer;
    /**
     * Whether the consumer (zalo:events) hands exceptions it cannot pass to the route to the route's error handler
     * instead of logging them.
     */
    private Boolean bridgeErrorHandler;
    /**
     * Whether autowiring is enabled: options marked as autowired are looked up in the registry when there is a
     * single instance of the type.
     */
    private Boolean autowiredEnabled;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public CareSoftAccount getCaresoft() {
        return caresoft;
    }

    public void setCaresoft(CareSoftAccount caresoft) {
        this.caresoft = caresoft;
    }

    public ZaloAppAccount getZalo() {
        return zalo;
    }

    public void setZalo(ZaloAppAccount zalo) {
        this.zalo = zalo;
    }

    public OaMessageType getMessageType() {
        return messageType;
    }

    public void setMessageType(OaMessageType messageType) {
        this.messageType = messageType;
    }

    public Boolean getDevelopment() {
        return development;
    }

    public void setDevelopment(Boolean development) {
        this.development = development;
    }

    public Boolean getValidateTemplateData() {
        return validateTemplateData;
    }

    public void setValidateTemplateData(Boolean validateTemplateData) {
        this.validateTemplateData = validateTemplateData;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getLastInteractionPeriod() {
        return lastInteractionPeriod;
    }

    public void setLastInteractionPeriod(String lastInteractionPeriod) {
        this.lastInteractionPeriod = lastInteractionPeriod;
    }

    public Boolean getFollowersOnly() {
        return followersOnly;
    }

    public void setFollowersOnly(Boolean followersOnly) {
        this.followersOnly = followersOnly;
    }

    public Boolean getAllPages() {
        return allPages;
    }

    public void setAllPages(Boolean allPages) {
        this.allPages = allPages;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public ETelecomAccount getEtelecom() {
        return etelecom;
    }

    public void setEtelecom(ETelecomAccount etelecom) {
        this.etelecom = etelecom;
    }

    public String getOaId() {
        return oaId;
    }

    public void setOaId(String oaId) {
        this.oaId = oaId;
    }

    public ZaloProviderType getProvider() {
        return provider;
    }

    public void setProvider(ZaloProviderType provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Integer requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getRetryUnknownOutcome() {
        return retryUnknownOutcome;
    }

    public void setRetryUnknownOutcome(Boolean retryUnknownOutcome) {
        this.retryUnknownOutcome = retryUnknownOutcome;
    }

    public Integer getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(Integer rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Integer maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public ZaloRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(ZaloRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public CloseableHttpAsyncClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        this.httpClient = httpClient;
    }

    public Boolean getMetricsEnabled() {
        return metricsEnabled;
    }

    public void setMetricsEnabled(Boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public Boolean getUseSystemProxy() {
        return useSystemProxy;
    }

    public void setUseSystemProxy(Boolean useSystemProxy) {
        this.useSystemProxy = useSystemProxy;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public ZaloConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZaloConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }
}
