package io.github.camelzalo.component.zalo.transport;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;

import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Decides, per call, whether it goes through a proxy and which: the component's own unless the target bypasses it,
 * else the one the JVM's {@link ProxySelector} picks from the standard system properties ({@code https.proxyHost},
 * {@code https.proxyPort}, {@code http.proxyHost}, {@code http.proxyPort}, {@code http.nonProxyHosts}), read at each
 * call. An https target goes through the proxy in a {@code CONNECT} tunnel, so the proxy sees only the host name.
 */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private static final String JDK_SELECTOR = "sun.net.spi.DefaultProxySelector";

    private final ProxySettings settings;

    ProxyRoutePlanner(ProxySettings settings) {
        super(null);
        this.settings = settings;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        if (settings.isConfigured()) {
            return settings.bypasses(target.getHostName()) ? null
                    : new HttpHost("http", settings.getHost(), settings.getPort());
        }
        return settings.isUseSystemProxy() ? systemProxy(target) : null;
    }

    private static HttpHost systemProxy(HttpHost target) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return null;
        }
        // the JDK's own selector proxies nothing unless its properties name a proxy (or it reads the OS's settings,
        // java.net.useSystemProxies): say so without asking it, which costs every call a parsed URI and a list
        if (JDK_SELECTOR.equals(selector.getClass().getName()) && !Boolean.getBoolean("java.net.useSystemProxies")
            && System.getProperty("https".equalsIgnoreCase(target.getSchemeName()) ? "https.proxyHost"
                    : "http.proxyHost") == null) {
            return null;
        }
        List<Proxy> proxies;
        try {
            proxies = selector.select(new URI(target.toURI()));
        } catch (Exception e) {
            return null;
        }
        for (Proxy p : proxies) {
            if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a) {
                return new HttpHost("http", a.getHostString(), a.getPort());
            }
        }
        return null;
    }

    /**
     * The Basic credentials for {@code proxy} on the way to {@code target}: the component's, or, for the JVM's proxy,
     * {@code https.proxyUser} and {@code https.proxyPassword} (for an http target {@code http.proxyUser} and
     * {@code http.proxyPassword}), the properties HttpClient and other tools read alongside the standard ones;
     * {@code null} for none.
     */
    UsernamePasswordCredentials credentials(HttpHost proxy, HttpHost target) {
        if (settings.isConfigured()) {
            return settings.getUsername() == null ? null
                    : new UsernamePasswordCredentials(settings.getUsername(),
                            settings.password() == null ? new char[0] : settings.password().toCharArray());
        }
        String scheme = "https".equalsIgnoreCase(target.getSchemeName()) ? "https" : "http";
        String user = System.getProperty(scheme + ".proxyUser");
        if (user == null || user.isBlank() || !proxy.getHostName().equalsIgnoreCase(
                System.getProperty(scheme + ".proxyHost", ""))) {
            return null;
        }
        String password = System.getProperty(scheme + ".proxyPassword", "");
        return new UsernamePasswordCredentials(user.strip(), password.toCharArray());
    }
}
