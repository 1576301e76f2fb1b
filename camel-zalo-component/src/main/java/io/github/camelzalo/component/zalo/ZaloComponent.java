package io.github.camelzalo.component.zalo;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import io.github.camelzalo.component.zalo.transport.HttpClients;
import io.github.camelzalo.component.zalo.transport.ZaloHttpTransport;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
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
public class ZaloComponent extends DefaultComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloComponent.class);

    @Metadata(description = "The default options of every endpoint.")
    private ZaloConfiguration configuration = new ZaloConfiguration();

    @Metadata(label = "caresoft", description = "The CareSoft account every endpoint that uses CareSoft shares,"
                                                + " set as caresoft.baseUrl (the tenant's API URL, e.g."
                                                + " https://api.caresoft.vn/acme), caresoft.apiKey (the API token) and"
                                                + " caresoft.rateLimit (the most calls per second to the account from"
                                                + " this JVM, default 15, 0 = off: CareSoft allows 15 and locks the"
                                                + " tenant out for 15 minutes after 20 answers 429 in a row; calls"
                                                + " wait their turn without holding a thread and slow down by"
                                                + " themselves after a 429). Lets one context use CareSoft and"
                                                + " eTelecom side by side.")
    private ZaloAccount caresoft = new ZaloAccount();

    @Metadata(label = "etelecom", description = "The eTelecom account every endpoint that uses eTelecom shares, set"
                                                + " as etelecom.baseUrl (default https://api.etelecom.vn/v1/shop;"
                                                + " .../v1/partner for the Partner API), etelecom.apiKey (the shop's"
                                                + " api_key, or shop_key for the Partner API) and etelecom.rateLimit"
                                                + " (calls per second, default 0 = off: eTelecom documents no limit).")
    private ZaloAccount etelecom = new ZaloAccount();

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

    @Metadata(label = "advanced",
              description = "The size of the worker pool the component creates: the number of exchanges that can"
                            + " continue their route after a call at the same time. Defaults to half the number of"
                            + " processors, at least 1: reading an answer takes microseconds, and fewer threads"
                            + " than cores leave room for the callers and the I/O thread. Put threads() after"
                            + " zalo: for slow downstream steps.")
    private int workerPoolSize;

    @Metadata(label = "security", description = "TLS settings (trust store, key store) for the connections to the"
                                                + " providers. Certificates and host names are always verified.")
    private SSLContextParameters sslContextParameters;

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the global SSL context parameters of the CamelContext.")
    private boolean useGlobalSslContextParameters;

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

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ZaloOperation operation = parseOperation(remaining);
        // a URI value wins, then the component's per-provider account, then the component's plain default
        boolean baseUrlOnUri = parameters.containsKey("baseUrl");
        boolean apiKeyOnUri = parameters.containsKey("apiKey");
        ZaloEndpoint endpoint = new ZaloEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        ZaloConfiguration conf = endpoint.getConfiguration();
        ZaloProviderType provider = conf.getProvider() != null ? conf.getProvider() : operation.defaultProvider();
        ZaloAccount account = accountOf(provider);
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
            activeClient = HttpClients.create(maxConnections, ioThreads, sslContext(), deadlines);
            createdClient = true;
        }
        if (activeClient.getStatus() == IOReactorStatus.INACTIVE) {
            activeClient.start();
        }
        if (workerPool != null) {
            workers = workerPool;
            createdWorkers = false;
        } else {
            int size = workerPoolSize > 0 ? workerPoolSize
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            workers = executors.newThreadPool(this, "ZaloWorker", profile("ZaloWorker", size, Integer.MAX_VALUE));
            createdWorkers = true;
        }
        transport = new ZaloHttpTransport(activeClient, deadlines, maxResponseSize);
        completions = workers;
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
        super.doStop();
    }

    private ZaloAccount accountOf(ZaloProviderType provider) {
        ZaloAccount account = provider == ZaloProviderType.caresoft ? caresoft : etelecom;
        return account != null ? account : new ZaloAccount();
    }

    /** The rate limit of {@code provider}'s accounts, calls per second, or 0 when it is off. */
    int rateLimitOf(ZaloProviderType provider) {
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

    public ZaloAccount getCaresoft() {
        return caresoft;
    }

    public void setCaresoft(ZaloAccount caresoft) {
        this.caresoft = caresoft;
    }

    public ZaloAccount getEtelecom() {
        return etelecom;
    }

    public void setEtelecom(ZaloAccount etelecom) {
        this.etelecom = etelecom;
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
