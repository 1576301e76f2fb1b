package io.github.camelzalo.component.zalo.transport;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.util.TimeValue;

/** Builds the HttpClient 5 async client the component shares between all its endpoints. */
public final class HttpClients {

    private HttpClients() {
    }

    /**
     * A client for JSON APIs: HTTP/1.1, a bounded connection pool, no automatic retries (a retried POST could
     * send a customer the same message twice), no redirects (they could carry the API key elsewhere), no cookies,
     * and no wire logging (it would print secrets).
     *
     * @param sslContext the TLS context, or {@code null} for the JVM's default trust store; host names are
     *                   always verified
     */
    public static CloseableHttpAsyncClient create(int maxConnections, SSLContext sslContext) {
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
        return HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                // HttpClient's wire log (org.apache.hc.client5.http.wire at DEBUG) would print the API key and
                // the customers' phone numbers byte for byte: this client never decorates its sessions with it
                .setIoSessionDecorator(session -> session)
                .build();
    }
}
