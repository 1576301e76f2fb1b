package io.github.camelzalo.component.zalo.transport;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;

/** Builds the HttpClient 5 async client the component shares between all its endpoints. */
public final class HttpClients {

    private HttpClients() {
    }

    /** How often expired and idle connections are closed. */
    private static final long MAINTENANCE_SECONDS = 30;

    /**
     * A client for JSON APIs: HTTP/1.1, a bounded connection pool, no automatic retries (a retried POST could
     * send a customer the same message twice), no redirects (they could carry the API key elsewhere), no cookies.
     *
     * @param ioThreads   the I/O reactor's threads
     * @param sslContext  the TLS context, or {@code null} for the JVM's default trust store; host names are
     *                    always verified
     * @param maintenance where to close expired and idle connections now and then: HttpClient's own evictor
     *                    would cost a thread of its own
     */
    public static CloseableHttpAsyncClient create(int maxConnections, int ioThreads, SSLContext sslContext,
                                                  ScheduledExecutorService maintenance) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        if (sslContext != null) {
            tls.setSslContext(sslContext);
        } else {
            tls.useSystemProperties();
        }
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setTlsStrategy(tls.build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        maintenance.scheduleWithFixedDelay(() -> {
            pool.closeExpired();
            pool.closeIdle(TimeValue.ofMinutes(1));
        }, MAINTENANCE_SECONDS, MAINTENANCE_SECONDS, TimeUnit.SECONDS);
        return HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }
}
