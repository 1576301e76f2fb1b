package io.github.camelzalo.component.zalo;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
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

/**
 * The {@code zalo:} component. Holds what its endpoints share: the default options, the accounts of each provider,
 * one HttpClient 5 async client and the worker pool on which routes continue after a call.
 */
@Component(ZaloConstants.SCHEME)
public class ZaloComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata(description = "The default options of every endpoint.")
    private ZaloConfiguration configuration = new ZaloConfiguration();

    @Metadata(label = "caresoft", description = "The CareSoft tenant's API base URL, e.g."
                                                + " https://api.caresoft.vn/acme, for every endpoint that uses"
                                                + " CareSoft. Lets one context use CareSoft and eTelecom side by side.")
    private String caresoftBaseUrl;

    @Metadata(label = "caresoft,security", secret = true,
              description = "The CareSoft API token, for every endpoint that uses CareSoft.")
    private String caresoftApiKey;

    @Metadata(label = "etelecom", description = "The eTelecom API base URL for every endpoint that uses eTelecom"
                                                + " (default https://api.etelecom.vn/v1/shop).")
    private String etelecomBaseUrl;

    @Metadata(label = "etelecom,security", secret = true,
              description = "The eTelecom api_key (Shop API) or shop_key (Partner API), for every endpoint that uses"
                            + " eTelecom.")
    private String etelecomApiKey;

    @Metadata(label = "caresoft", defaultValue = "15",
              description = "The most calls per second to one CareSoft account (base URL and API key), shared by"
                            + " every endpoint of the JVM that uses it. CareSoft allows 15 per second and locks the"
                            + " tenant out for 15 minutes after 20 answers 429 in a row. Calls are spaced evenly"
                            + " and wait for their turn without holding a thread; after a 429 the rate slows down"
                            + " by itself. 0 turns pacing off.")
    private int caresoftRateLimit = 15;

    @Metadata(label = "etelecom", defaultValue = "0",
              description = "The most calls per second to one eTelecom account (base URL and API key), shared by"
                            + " every endpoint of the JVM that uses it; see caresoftRateLimit. eTelecom documents no"
                            + " limit, so 0 (off) is the default.")
    private int etelecomRateLimit;

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
    private ScheduledExecutorService deadlines;
    private ZaloHttpTransport transport;

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
        String accountBaseUrl = provider == ZaloProviderType.caresoft ? caresoftBaseUrl : etelecomBaseUrl;
        String accountApiKey = provider == ZaloProviderType.caresoft ? caresoftApiKey : etelecomApiKey;
        if (!baseUrlOnUri && accountBaseUrl != null) {
            conf.setBaseUrl(accountBaseUrl);
        }
        if (!apiKeyOnUri && accountApiKey != null) {
            conf.setApiKey(accountApiKey);
        }
        endpoint.bind();
        return endpoint;
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

    @Override
    protected void doStop() throws Exception {
        if (createdClient && activeClient != null) {
            activeClient.close(CloseMode.GRACEFUL);
        }
        activeClient = null;
        if (deadlines != null) {
            getCamelContext().getExecutorServiceManager().shutdown(deadlines);
            deadlines = null;
        }
        if (createdWorkers && workers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workers);
        }
        workers = null;
        transport = null;
        super.doStop();
    }

    /** The rate limit of {@code provider}'s accounts, calls per second, or 0 when it is off. */
    int rateLimitOf(ZaloProviderType provider) {
        return provider == ZaloProviderType.caresoft ? caresoftRateLimit : etelecomRateLimit;
    }

    /** The client in use while started, whether created here or handed in; {@code null} when stopped. */
    CloseableHttpAsyncClient getActiveClient() {
        return activeClient;
    }

    ZaloHttpTransport getTransport() {
        return transport;
    }

    ExecutorService getWorkers() {
        return workers;
    }

    public ZaloConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ZaloConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getCaresoftBaseUrl() {
        return caresoftBaseUrl;
    }

    public void setCaresoftBaseUrl(String caresoftBaseUrl) {
        this.caresoftBaseUrl = caresoftBaseUrl;
    }

    public String getCaresoftApiKey() {
        return caresoftApiKey;
    }

    public void setCaresoftApiKey(String caresoftApiKey) {
        this.caresoftApiKey = caresoftApiKey;
    }

    public String getEtelecomBaseUrl() {
        return etelecomBaseUrl;
    }

    public void setEtelecomBaseUrl(String etelecomBaseUrl) {
        this.etelecomBaseUrl = etelecomBaseUrl;
    }

    public String getEtelecomApiKey() {
        return etelecomApiKey;
    }

    public void setEtelecomApiKey(String etelecomApiKey) {
        this.etelecomApiKey = etelecomApiKey;
    }

    public int getCaresoftRateLimit() {
        return caresoftRateLimit;
    }

    public void setCaresoftRateLimit(int caresoftRateLimit) {
        this.caresoftRateLimit = caresoftRateLimit;
    }

    public int getEtelecomRateLimit() {
        return etelecomRateLimit;
    }

    public void setEtelecomRateLimit(int etelecomRateLimit) {
        this.etelecomRateLimit = etelecomRateLimit;
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
