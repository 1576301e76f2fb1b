package io.github.camelzalo.component.zalo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import io.github.camelzalo.component.zalo.events.WebhookPaths;
import io.github.camelzalo.component.zalo.transport.HttpClients;
import io.github.camelzalo.component.zalo.transport.ProxySettings;
import io.github.camelzalo.component.zalo.transport.ZaloHttpTransport;
import io.github.camelzalo.component.zalo.auth.FileTokenStore;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.health.ZaloHealthChecks;
import io.github.camelzalo.component.zalo.management.ZaloCallListener;
import io.github.camelzalo.component.zalo.management.ZaloCallListenerFactory;
import io.github.camelzalo.component.zalo.management.ZaloEventListener;
import io.github.camelzalo.component.zalo.management.ZaloMonitor;
import io.github.camelzalo.component.zalo.auth.ZaloOAuthClient;
import io.github.camelzalo.component.zalo.auth.ZaloTokenManager;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.pacing.LocalRateLimiter;
import io.github.camelzalo.component.zalo.pacing.ZaloRateLimiter;
import io.github.camelzalo.component.zalo.provider.zalo.ZaloOaProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code zalo:} component. Holds what its endpoints share: the default options, the accounts of each provider,
 * one HttpClient 5 async client and the worker pool on which routes continue after a call.
 */
@Component(ZaloConstants.SCHEME)
public class ZaloComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloComponent.class);
    /** The secret option names Camel does not know as such, in the form Camel compares them. */
    private static final ZaloAccount NO_ACCOUNT = new ZaloAccount() {
        @Override
        public String getBaseUrl() {
            return null;
        }

        @Override
        public String getApiKey() {
            return null;
        }

        @Override
        public Integer getRateLimit() {
            return null;
        }
    };
    private static final List<String> SENSITIVE_KEYWORDS = List.of("appsecret", "oasecretkey", "previousoasecretkey",
            "oasecretkeys");

    @Metadata(description = "The default options of every endpoint.")
    private ZaloConfiguration configuration = new ZaloConfiguration();

    @Metadata(label = "caresoft", displayName = "CareSoft",
              description = "The CareSoft account every endpoint that uses CareSoft shares: caresoft.baseUrl,"
                            + " caresoft.apiKey and caresoft.rateLimit. With the eTelecom account, lets one context use"
                            + " both providers side by side.")
    private CareSoftAccount caresoft = new CareSoftAccount();

    @Metadata(label = "etelecom", displayName = "eTelecom",
              description = "The eTelecom account every endpoint that uses eTelecom shares: etelecom.baseUrl,"
                            + " etelecom.apiKey and etelecom.rateLimit.")
    private ETelecomAccount etelecom = new ETelecomAccount();

    @Metadata(label = "zalo", description = "The official Zalo OA API's account (provider zalo), set as"
                                            + " zalo.appId and zalo.appSecret (the app's, from Zalo's developer"
                                            + " console), zalo.oaSecretKey (the OA's, which signs webhook events),"
                                            + " zalo.refreshToken (an OA admin's first refresh token, which seeds"
                                            + " the token store), zalo.tokenStore or zalo.tokenDirectory (where"
                                            + " each OA's tokens are kept; by default a file per OA in"
                                            + " .camel-zalo/tokens in the user's home), zalo.rateLimit (calls per minute from this JVM, default"
                                            + " 4000 as Zalo allows an app), and zalo.oauthBaseUrl,"
                                            + " zalo.openApiBaseUrl, zalo.businessBaseUrl to point at a sandbox.")
    private ZaloAppAccount zalo = new ZaloAppAccount();

    @Metadata(label = "advanced", autowired = true,
              description = "Where each provider account's rate limit is kept: a ZaloRateLimiter bean. By default the"
                            + " one bean of that type in the registry (e.g. the Redis limiter of camel-zalo-redis,"
                            + " which paces an account across every JVM that uses it), else each JVM paces on its"
                            + " own.")
    private ZaloRateLimiter rateLimiter;

    @Metadata(label = "advanced", autowired = false,
              description = "An HttpClient 5 async client to use instead of the one the component creates. The"
                            + " component starts it if needed but never closes it.")
    private CloseableHttpAsyncClient httpClient;

    @Metadata(label = "advanced", defaultValue = "100",
              description = "The most connections open at once, over all endpoints and providers. Further calls"
                            + " wait for a free connection without holding a thread.")
    private int maxConnections = 100;

    @Metadata(label = "advanced", defaultValue = "1048576",
              description = "The largest answer accepted, in bytes. A larger one fails the exchange with a"
                            + " ZaloApiException of kind RESPONSE_TOO_LARGE and is not read into memory.")
    private int maxResponseSize = 1024 * 1024;

    @Metadata(label = "advanced", defaultValue = "1",
              description = "The I/O threads of the HTTP client the component creates. One thread carries tens of"
                            + " thousands of calls per second; it only moves bytes, since answers are read and"
                            + " routes continue on the worker pool.")
    private int ioThreads = 1;

    @Metadata(label = "advanced",
              description = "The thread pool on which routes continue after a call. By default the component creates"
                            + " one of workerPoolSize threads.")
    private ExecutorService workerPool;

    @Metadata(label = "advanced", defaultValue = "0",
              description = "The size of the worker pool the component creates: the number of exchanges that can"
                            + " continue their route after a call at the same time. 0, the default, means half the"
                            + " number of processors, at least 1: reading an answer takes microseconds, and fewer"
                            + " threads than cores leave room for the callers and the I/O thread. Put threads() after"
                            + " zalo: for slow downstream steps.")
    private int workerPoolSize;

    @Metadata(label = "proxy",
              description = "The host of the outbound HTTP proxy every call goes through (http calls as proxy"
                            + " requests, https calls in a CONNECT tunnel), for the client the component creates."
                            + " Unset, calls go through the proxy of the JVM's standard proxy system properties when"
                            + " they name one (see useSystemProxy), else directly.")
    private String proxyHost;

    @Metadata(label = "proxy", description = "The port of proxyHost, required with it.")
    private Integer proxyPort;

    @Metadata(label = "proxy", secret = true,
              description = "The user name the proxy takes, sent as Basic credentials from the first request.")
    private String proxyUsername;

    @Metadata(label = "proxy", secret = true, description = "The password of proxyUsername.")
    private String proxyPassword;

    @Metadata(label = "proxy",
              description = "The hosts calls reach directly instead of through proxyHost, written as the JVM's"
                            + " http.nonProxyHosts: names separated by a vertical bar or a comma, an asterisk in a"
                            + " name matching any text.")
    private String nonProxyHosts;

    @Metadata(label = "proxy", defaultValue = "true",
              description = "When proxyHost is not set, whether calls go through the proxy of the JVM's standard"
                            + " proxy system properties: https.proxyHost and https.proxyPort for https URLs,"
                            + " http.proxyHost and http.proxyPort for http URLs, http.nonProxyHosts for the hosts"
                            + " that bypass it (and https.proxyUser, https.proxyPassword or their http. forms for"
                            + " Basic credentials). False ignores them.")
    private boolean useSystemProxy = true;

    @Metadata(label = "security", description = "TLS settings (trust store, key store) for the connections to the"
                                                + " providers. Certificates and host names are always verified.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the global SSL context parameters of the CamelContext.")
    private boolean useGlobalSslContextParameters;

    @Metadata(label = "advanced", defaultValue = "true",
              description = "Whether the component counts and times its calls in Micrometer when the"
                            + " camel-zalo-micrometer module is on the class path and a MeterRegistry is in the"
                            + " registry (meters zalo.calls, zalo.ratelimit.waits, ...). False turns them off.")
    private boolean metricsEnabled = true;

    private boolean createdClient;
    private CloseableHttpAsyncClient activeClient;
    private ExecutorService workers;
    private boolean createdWorkers;
    /** Read by producers per call, from their own threads; {@code null} once stopped. */
    private volatile ScheduledExecutorService deadlines;
    /** Read by producers per call, from their own threads. */
    private volatile ZaloHttpTransport transport;
    /** Where calls finish; {@code null} once the component stops, so that they finish on the stopping thread. */
    private volatile ExecutorService completions;
    private final PendingCalls pending = new PendingCalls();
    private volatile ZaloTokenManager tokenManager;
    private ZnsTemplateCheck znsTemplateCheck;
    private final ZaloMonitor monitor = new ZaloMonitor(Clock.systemUTC());
    private ZaloHealthChecks healthChecks;
    /** The listeners optional modules made, closed when the component stops (the registry's beans are the user's). */
    private final List<ZaloCallListener> moduleListeners = new CopyOnWriteArrayList<>();
    private final WebhookPaths webhookPaths = new WebhookPaths(monitor);

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZaloOperation operation = parseOperation(remaining);
        OptionRanges.numericOnTheUri(parameters);
        if (operation.isConsumer()) {
            ZaloEndpoint endpoint = new ZaloEndpoint(uri, this, operation, configuration.copy());
            setProperties(endpoint, parameters);
            endpoint.getConfiguration().setOaId(resolvePlaceholders(endpoint.getConfiguration().getOaId()));
            endpoint.bindEvents();
            return endpoint;
        }
        // a URI value wins, then the component's per-provider account, then the component's plain default
        boolean baseUrlOnUri = parameters.containsKey("baseUrl");
        boolean apiKeyOnUri = parameters.containsKey("apiKey");
        ZaloEndpoint endpoint = new ZaloEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        ZaloConfiguration conf = endpoint.getConfiguration();
        ZaloProviderType provider = conf.getProvider() != null ? conf.getProvider() : operation.defaultProvider();
        ZaloAccount account = accountOf(provider);
        checkRateLimit(provider);
        if (!baseUrlOnUri && account.getBaseUrl() != null) {
            conf.setBaseUrl(account.getBaseUrl());
        }
        if (!apiKeyOnUri && account.getApiKey() != null) {
            conf.setApiKey(account.getApiKey());
        }
        // Camel resolves placeholders in what it parses (URIs, properties), not in values set from Java, such as
        // zalo.getCaresoft().setApiKey("{{caresoft.token}}"): resolved here, on the endpoint's copy only
        conf.setBaseUrl(resolvePlaceholders(conf.getBaseUrl()));
        conf.setApiKey(resolvePlaceholders(conf.getApiKey()));
        conf.setOaId(resolvePlaceholders(conf.getOaId()));
        endpoint.bind();
        return endpoint;
    }

    private String resolvePlaceholders(String value) {
        // the properties component directly: the context's own method would also log the resolved text at DEBUG
        return value != null && value.contains("{{") ? getCamelContext().getPropertiesComponent().parseUri(value)
                : value;
    }

    private static ZaloOperation parseOperation(String remaining) {
        String name = remaining == null ? "" : remaining.strip();
        for (ZaloOperation op : ZaloOperation.values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown zalo operation '" + name + "'; use one of "
                                           + Arrays.stream(ZaloOperation.values()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checkOptions();
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        // Camel's default profile bounds a pool's queue at 1,000 tasks and then rejects (the timer) or runs the task
        // on the submitting thread (the workers: an I/O thread), or drops it once the pool shuts down. Here every
        // exchange in flight has at most one deadline pending and one completion queued, so the exchanges bound
        // the queues; the pools must neither refuse them nor run routes on I/O threads.
        // (a scheduled pool takes -1 for no bound, a plain one would read it as no queue at all)
        deadlines = executors.newScheduledThreadPool(this, "ZaloDeadline", profile("ZaloDeadline", 1, -1));
        if (httpClient != null) {
            activeClient = httpClient;
            createdClient = false;
        } else {
            activeClient = HttpClients.create(HttpClients.connectionManager(maxConnections, sslContext()), ioThreads,
                    proxySettings(), deadlines);
            createdClient = true;
        }
        if (activeClient.getStatus() == IOReactorStatus.INACTIVE) {
            activeClient.start();
        }
        if (workerPool != null) {
            workers = workerPool;
            createdWorkers = false;
        } else {
            int size = workerPoolSize != 0 ? workerPoolSize
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            workers = executors.newThreadPool(this, "ZaloWorker", profile("ZaloWorker", size, Integer.MAX_VALUE));
            createdWorkers = true;
        }
        transport = new ZaloHttpTransport(activeClient, deadlines, maxResponseSize);
        completions = workers;
        if (zalo != null && zalo.getAppId() != null && !zalo.getAppId().isBlank()) {
            tokenManager = createTokenManager();
        }
        startMonitoring();
    }

    /**
     * Health checks per account, the registry's call and event listeners and, with its module, Micrometer meters
     * (the health checks of {@code zalo:events} come with their consumers).
     */
    private void startMonitoring() {
        CamelContext context = getCamelContext();
        healthChecks = ZaloHealthChecks.install(this, this::registeredName);
        for (ZaloCallListener listener : context.getRegistry().findByType(ZaloCallListener.class)) {
            monitor.addListener(listener);
        }
        for (ZaloEventListener listener : context.getRegistry().findByType(ZaloEventListener.class)) {
            monitor.addEventListener(listener);
        }
        if (metricsEnabled) {
            context.getCamelContextExtension().getFactoryFinder(ZaloCallListenerFactory.FACTORY_PATH)
                    .newInstance(ZaloCallListenerFactory.METRICS, ZaloCallListenerFactory.class)
                    .map(factory -> factory.create(this))
                    .ifPresent(listener -> {
                        monitor.addListener(listener);
                        if (listener instanceof ZaloEventListener events) {
                            monitor.addEventListener(events);
                        }
                        moduleListeners.add(listener);
                    });
        }
    }

    /** The name the component is registered under in its CamelContext: zalo, unless the user chose another. */
    String registeredName() {
        CamelContext context = getCamelContext();
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) == this) {
                return name;
            }
        }
        return ZaloConstants.SCHEME;
    }

    /**
     * What monitoring knows of this component's accounts and calls: health checks, the {@code zalo} dev console,
     * JMX and metrics read it.
     */
    public ZaloMonitor getMonitor() {
        return monitor;
    }

    /** What the component knows of each OA's tokens (provider zalo), empty when no app is configured or stopped. */
    public List<TokenStatus> tokenStatuses() {
        ZaloTokenManager m = tokenManager;
        return m == null ? List.of() : m.statuses();
    }

    /** The app's token manager, on the component's transport, workers and timer, with the configured store. */
    private ZaloTokenManager createTokenManager() {
        ZaloTokenStore store = zalo.getTokenStore();
        if (store == null) {
            store = getCamelContext().getRegistry().findSingleByType(ZaloTokenStore.class);
        }
        if (store == null) {
            store = zalo.getTokenDirectory() != null && !zalo.getTokenDirectory().isBlank()
                    ? new FileTokenStore(Path.of(zalo.getTokenDirectory().strip())) : new FileTokenStore();
        }
        String oauth = zalo.getOauthBaseUrl() != null && !zalo.getOauthBaseUrl().isBlank()
                ? zalo.getOauthBaseUrl().strip() : ZaloOaProvider.OAUTH_BASE_URL;
        ZaloHttpTransport http = transport;
        ZaloOAuthClient client = new ZaloOAuthClient(oauth, zalo.getAppId().strip(),
                zalo.getAppSecret() == null ? "" : zalo.getAppSecret().strip(), http::execute,
                Duration.ofMillis(configuration.getConnectTimeout()), Duration.ofMillis(configuration.getRequestTimeout()));
        LOG.debug("Zalo app {} keeps its OAs' tokens in {}", zalo.getAppId(), store);
        return ZaloTokenManager.builder()
                .appId(zalo.getAppId().strip())
                .store(store)
                .endpoint(client)
                .io(workers)
                .timer(deadlines)
                .refreshAhead(Duration.ofMillis(zalo.getRefreshAhead()))
                .leaseTime(Duration.ofMillis(zalo.getTokenLeaseTime()))
                .cacheTime(Duration.ofMillis(zalo.getTokenCacheTime()))
                .seed(configuration.getOaId() == null ? null : configuration.getOaId().strip(), zalo.getRefreshToken())
                .build();
    }

    /**
     * The tokens of the official API's app while the component runs.
     *
     * @throws IllegalStateException when it is not started or no app is configured
     */
    public ZaloTokenManager tokenManager() {
        ZaloTokenManager m = tokenManager;
        if (m == null) {
            throw new IllegalStateException(isStarted() ? "No Zalo app is configured: set "
                                                          + OptionRanges.named("zalo.appId")
                    : "The zalo component is not started");
        }
        return m;
    }

    /** The webhook paths the component's {@code zalo:events} consumers listen on. */
    WebhookPaths webhookPaths() {
        return webhookPaths;
    }

    /** The check of {@code validateTemplateData}, made when an endpoint first needs it. */
    synchronized ZnsTemplateCheck znsTemplateCheck() {
        if (znsTemplateCheck == null) {
            ZnsTemplateCheck check = new ZnsTemplateCheck(this);
            ServiceHelper.startService(check);
            znsTemplateCheck = check;
        }
        return znsTemplateCheck;
    }

    /**
     * Camel Main, Camel JBang and the Spring Boot starter mask a configuration value only when the last part of its
     * key is a known secret name ({@code api-key}, {@code refresh-token}, {@code secret}, ...). This component's
     * {@code app-secret} and {@code oa-secret-key} are not among them, so they are added to the CamelContext's
     * additional sensitive keywords.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            ExtendedCamelContext ext = camelContext.getCamelContextExtension();
            String current = ext.getAdditionalSensitiveKeywords();
            StringBuilder keywords = new StringBuilder(current == null ? "" : current);
            for (String k : SENSITIVE_KEYWORDS) {
                if (current == null || !current.toLowerCase(Locale.ROOT).contains(k)) {
                    keywords.append(keywords.length() > 0 ? "," : "").append(k);
                }
            }
            ext.setAdditionalSensitiveKeywords(keywords.toString());
        }
    }

    /**
     * Which proxy the component's calls take, for consoles and JMX: {@code 10.0.0.5:3128 as zalo-gw, not for
     * localhost}, the JVM's proxy properties, no proxy, or the httpClient given. Never the password.
     */
    public String describeProxy() {
        return httpClient != null ? "as the httpClient given routes them" : proxySettings().toString();
    }

    /** The proxy the client the component creates goes through, from the proxy options. */
    ProxySettings proxySettings() {
        String host = resolvePlaceholders(proxyHost);
        if (host == null || host.isBlank()) {
            return useSystemProxy ? ProxySettings.SYSTEM : ProxySettings.NONE;
        }
        return ProxySettings.of(host, proxyPort, resolvePlaceholders(proxyUsername),
                resolvePlaceholders(proxyPassword), nonProxyHosts);
    }

    /** Refuses nonsense values before anything is built on them, naming the option and the range it takes. */
    private void checkOptions() {
        checkProxyOptions();
        OptionRanges.atLeast("maxConnections", maxConnections, 1, "at least 1");
        OptionRanges.atLeast("maxResponseSize", maxResponseSize, 1, "at least 1 byte");
        OptionRanges.atLeast("ioThreads", ioThreads, 1, "at least 1");
        OptionRanges.atLeast("workerPoolSize", workerPoolSize, 0,
                "at least 1, or 0 for the default (half the processors, at least 1)");
        for (ZaloProviderType provider : ZaloProviderType.values()) {
            checkRateLimit(provider);
        }
        if (zalo != null) {
            OptionRanges.atLeast("zalo.tokenLeaseTime", zalo.getTokenLeaseTime(), 1000,
                    "at least 1000 ms (a refresh must fit in it)");
            OptionRanges.atLeast("zalo.tokenCacheTime", zalo.getTokenCacheTime(), 0, "0 (read every time) or more ms");
        }
    }

    private void checkProxyOptions() {
        boolean proxy = proxyHost != null && !proxyHost.isBlank();
        if (proxy && proxyPort == null) {
            throw new IllegalArgumentException("The " + OptionRanges.named("proxyPort")
                                               + " is required with proxyHost: the proxy's port, 1 to 65535");
        }
        if (proxy) {
            OptionRanges.atLeast("proxyPort", proxyPort, 1, "1 to 65535");
            OptionRanges.atMost("proxyPort", proxyPort, 65535, "1 to 65535");
        }
        boolean user = proxyUsername != null && !proxyUsername.isBlank();
        boolean password = proxyPassword != null && !proxyPassword.isEmpty();
        if (user != password) {
            throw new IllegalArgumentException("Set " + OptionRanges.named("proxyUsername") + " and "
                                               + OptionRanges.named("proxyPassword") + " together: the proxy takes"
                                               + " both as Basic credentials");
        }
        if (!proxy && (user || nonProxyHosts != null && !nonProxyHosts.isBlank())) {
            throw new IllegalArgumentException("The proxy options need " + OptionRanges.named("proxyHost")
                                               + ": the proxy the credentials and non-proxy hosts are for");
        }
        if (proxy && httpClient != null) {
            throw new IllegalArgumentException("The " + OptionRanges.named("proxyHost") + " applies to the client the"
                                               + " component creates, not to the httpClient given: set the proxy on"
                                               + " that client");
        }
    }

    private void checkRateLimit(ZaloProviderType provider) {
        if (provider == ZaloProviderType.zalo) {
            Integer perMinute = zalo == null ? null : zalo.getRateLimit();
            if (perMinute != null) {
                OptionRanges.atLeast("zalo.rateLimit", perMinute, 0, "0 (pacing off) or more calls per minute");
            }
            return;
        }
        Integer limit = accountOf(provider).getRateLimit();
        if (limit != null) {
            OptionRanges.atLeast(provider.name() + ".rateLimit", limit, 0,
                    "0 (pacing off) or more calls per second");
        }
    }

    /** A fixed number of threads that never time out, a queue of {@code maxQueueSize}, rejection when full. */
    private static ThreadPoolProfile profile(String name, int threads, int maxQueueSize) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(maxQueueSize);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    private SSLContext sslContext() throws Exception {
        SSLContextParameters params = sslContextParameters;
        if (params == null && useGlobalSslContextParameters) {
            params = retrieveGlobalSslContextParameters();
        }
        return params == null ? null : params.createSSLContext(getCamelContext());
    }

    /**
     * Every call the component still holds ends before this returns, each with a {@link ZaloApiException} that says
     * whether it may have been sent: a JVM that exits after {@code stop()} loses none without its error handler
     * having run. No thread of the component outlives it.
     */
    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null) {
            healthChecks.uninstall();
            healthChecks = null;
        }
        monitor.clear();
        for (ZaloCallListener listener : moduleListeners) {
            if (listener instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("Closing {} failed", listener, e);
                }
            }
        }
        moduleListeners.clear();
        ZaloHttpTransport stopping = transport;
        // calls that arrive from now on are refused; calls that end from now on finish on this thread
        transport = null;
        completions = null;
        // calls waiting for their turn end, not sent; then every call in flight, sent or not as it was
        pending.stopWaiting();
        if (stopping != null) {
            stopping.close();
        }
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        // answers handed to the workers before that finish there, or here if the pool does not finish them in time
        if (createdWorkers && workers != null) {
            workers.shutdown();
            if (!workers.awaitTermination(executors.getShutdownAwaitTermination(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow().forEach(Runnable::run);
            }
            executors.shutdown(workers);
        }
        // a call that was about to go again (after a 429) when its answer was read: stopped too
        pending.stopWaiting();
        if (stopping != null) {
            stopping.close();
        }
        if (!pending.awaitNone(createdWorkers ? 0 : executors.getShutdownAwaitTermination())) {
            LOG.warn("The zalo component stopped with {} calls still finishing on the worker pool it was given",
                    pending.size());
        }
        if (createdClient && activeClient != null) {
            // every call has ended, so nothing waits on a graceful close (an immediate one, from this thread, races
            // HttpCore's I/O loop); its I/O threads end before this returns
            activeClient.close(CloseMode.GRACEFUL);
            activeClient.awaitShutdown(TimeValue.ofMilliseconds(executors.getShutdownAwaitTermination()));
        }
        activeClient = null;
        if (deadlines != null) {
            executors.shutdownNow(deadlines);
            deadlines.awaitTermination(executors.getShutdownAwaitTermination(), TimeUnit.MILLISECONDS);
            deadlines = null;
        }
        workers = null;
        tokenManager = null;
        synchronized (this) {
            if (znsTemplateCheck != null) {
                ServiceHelper.stopService(znsTemplateCheck);
                znsTemplateCheck = null;
            }
        }
        super.doStop();
    }

    /** The account of a provider with a base URL and an API key; an empty one for the official API. */
    private ZaloAccount accountOf(ZaloProviderType provider) {
        return switch (provider) {
            case caresoft -> caresoft != null ? caresoft : new CareSoftAccount();
            case etelecom -> etelecom != null ? etelecom : new ETelecomAccount();
            // the official API has no base URL and API key of this kind: see ZaloAppAccount
            case zalo -> NO_ACCOUNT;
        };
    }

    /**
     * The rate limiter endpoints pace their accounts with: the {@code rateLimiter} option, else the one
     * {@link ZaloRateLimiter} bean in the registry, else this JVM's local pacers.
     */
    ZaloRateLimiter activeRateLimiter() {
        ZaloRateLimiter limiter = rateLimiter;
        if (limiter == null && getCamelContext() != null) {
            limiter = getCamelContext().getRegistry().findSingleByType(ZaloRateLimiter.class);
        }
        return limiter != null ? limiter : LocalRateLimiter.jvm();
    }

    /** The rate limit of {@code provider}'s accounts, calls per second, or 0 when it is off. */
    double ratePerSecondOf(ZaloProviderType provider) {
        if (provider == ZaloProviderType.zalo) {
            Integer perMinute = zalo == null ? null : zalo.getRateLimit();
            return perMinute != null ? perMinute / 60.0 : ZaloOaProvider.DEFAULT_RATE_LIMIT;
        }
        Integer limit = accountOf(provider).getRateLimit();
        return limit != null ? limit : provider.adapter().defaultRateLimit();
    }

    /** The client in use while started, whether created here or handed in; {@code null} when stopped. */
    CloseableHttpAsyncClient getActiveClient() {
        return activeClient;
    }

    ZaloHttpTransport getTransport() {
        return transport;
    }

    /** Where calls finish, or {@code null} once the component stops: they then finish where they end. */
    ExecutorService getWorkers() {
        return completions;
    }

    /** The timer of the component's calls' deadlines, or {@code null} when stopped. */
    ScheduledExecutorService getDeadlines() {
        return deadlines;
    }

    PendingCalls getPendingCalls() {
        return pending;
    }

    public ZaloConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZaloConfiguration configuration) {
        this.configuration = configuration;
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

    public ETelecomAccount getEtelecom() {
        return etelecom;
    }

    public void setEtelecom(ETelecomAccount etelecom) {
        this.etelecom = etelecom;
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

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public ExecutorService getWorkerPool() {
        return workerPool;
    }

    public void setWorkerPool(ExecutorService workerPool) {
        this.workerPool = workerPool;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
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

    public boolean isUseSystemProxy() {
        return useSystemProxy;
    }

    public void setUseSystemProxy(boolean useSystemProxy) {
        this.useSystemProxy = useSystemProxy;
    }

    public boolean isMetricsEnabled() {
        return metricsEnabled;
    }

    public void setMetricsEnabled(boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
