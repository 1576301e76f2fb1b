package io.github.camelzalo.component.zalo.transport;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;

/** Builds the HttpClient 5 async client the component shares between all its endpoints. */
public final class HttpClients {

    /** How often the component's client closes expired and idle connections, and after how long idle. */
    private static final long MAINTENANCE_SECONDS = 30;
    private static final TimeValue IDLE = TimeValue.ofMinutes(1);
    /**
     * The most header lines an answer may have, and the longest line (status line, header, chunk header, trailer):
     * together they bound an answer's head to about 800 KiB, below the default maxResponseSize, where HttpClient
     * alone reads any amount. A provider's answer has a dozen or two of short headers.
     */
    static final int MAX_HEADER_COUNT = 100;
    static final int MAX_LINE_LENGTH = 8 * 1024;

    private HttpClients() {
    }

    /**
     * The client a component creates for itself: as {@link #create(int, SSLContext)}, with {@code ioThreads} I/O
     * threads, and with expired and idle connections closed by a task on {@code maintenance} (the component's
     * timer) instead of by HttpClient's own evictor, which would cost a thread of its own.
     */
    public static CloseableHttpAsyncClient create(int maxConnections, int ioThreads, SSLContext sslContext,
                                                  ScheduledExecutorService maintenance) {
        return create(connectionManager(maxConnections, sslContext), ioThreads, ProxySettings.NONE, maintenance);
    }

    /**
     * The client a component creates for itself, over {@code pool} (see {@link #connectionManager}), with
     * {@code ioThreads} I/O threads and through {@code proxy}; expired and idle connections are closed by a task on
     * {@code maintenance} (the component's timer) instead of by HttpClient's own evictor, which would cost a thread
     * of its own.
     */
    public static CloseableHttpAsyncClient create(PoolingAsyncClientConnectionManager pool, int ioThreads,
                                                  ProxySettings proxy, ScheduledExecutorService maintenance) {
        maintenance.scheduleWithFixedDelay(() -> {
            pool.closeExpired();
            pool.closeIdle(IDLE);
        }, MAINTENANCE_SECONDS, MAINTENANCE_SECONDS, TimeUnit.SECONDS);
        HttpAsyncClientBuilder builder = jsonClient(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads).build());
        if (proxy != ProxySettings.NONE) {
            ProxyRoutePlanner planner = new ProxyRoutePlanner(proxy);
            builder.setRoutePlanner(planner)
                    .addExecInterceptorBefore(ChainElement.PROTOCOL.name(), "zalo-proxy-auth", new ProxyAuthStep(planner));
        }
        return builder.build();
    }

    /**
     * A client for JSON APIs: HTTP/1.1, a bounded connection pool, a bounded answer head (at most
     * {@value #MAX_HEADER_COUNT} header lines of {@value #MAX_LINE_LENGTH} characters), no automatic retries (a
     * retried POST could send a customer the same message twice), no redirects (they could carry the API key
     * elsewhere), no cookies, and no wire logging (it would print secrets).
     *
     * @param sslContext the TLS context, or {@code null} for the JVM's default trust store; host names are
     *                   always verified
     */
    public static CloseableHttpAsyncClient create(int maxConnections, SSLContext sslContext) {
        return create(connectionManager(maxConnections, sslContext));
    }

    /**
     * The same client over a connection manager the caller built, e.g. with {@link #connectionManager} to watch its
     * pool statistics. Hand it to the component's {@code httpClient} option; the caller starts and closes it.
     */
    public static CloseableHttpAsyncClient create(PoolingAsyncClientConnectionManager pool) {
        return jsonClient(pool)
                .evictExpiredConnections()
                .evictIdleConnections(IDLE)
                .build();
    }

    private static HttpAsyncClientBuilder jsonClient(PoolingAsyncClientConnectionManager pool) {
        return HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setHttp1Config(Http1Config.custom()
                        .setMaxHeaderCount(MAX_HEADER_COUNT)
                        .setMaxLineLength(MAX_LINE_LENGTH)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                // once a call has its connection: lets a call given up close it (see CallControl)
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), "zalo-connected", new ConnectedStep())
                // HttpClient's wire log (org.apache.hc.client5.http.wire at DEBUG) would print the API key and
                // the customers' phone numbers byte for byte: this client never decorates its sessions with it
                .setIoSessionDecorator(session -> session);
    }

    /**
     * The component's connection pool: at most {@code maxConnections} connections in all, over every provider host
     * (any one host may use all of them); HTTP/1.1 only; TLS certificates and host names verified.
     *
     * @param sslContext the TLS context, or {@code null} for the JVM's default trust store
     */
    public static PoolingAsyncClientConnectionManager connectionManager(int maxConnections, SSLContext sslContext) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, but was " + maxConnections);
        }
        // HttpClient's default policy (BUILTIN) leaves the host name check to the JDK, and with the SSLEngine set up
        // as it is here the JDK does not check it: a trusted certificate for any other host was accepted. So the
        // client checks it itself, on top of the JDK's certificate validation.
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create()
                .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                .setHostnameVerifier(new DefaultHostnameVerifier());
        if (sslContext != null) {
            tls.setSslContext(sslContext);
        } else {
            tls.useSystemProperties();
        }
        return PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setTlsStrategy(tls.build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
    }
}
