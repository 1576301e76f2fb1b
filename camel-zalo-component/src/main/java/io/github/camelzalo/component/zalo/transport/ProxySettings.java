package io.github.camelzalo.component.zalo.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which outbound HTTP proxy the component's calls go through: one the component names ({@code proxyHost},
 * {@code proxyPort}, Basic credentials, hosts that bypass it), else, unless turned off, the one the JVM's standard
 * proxy system properties name. {@link #toString()} never shows the password.
 */
public final class ProxySettings {

    /** No proxy of the component's own, but the JVM's when its system properties name one. */
    public static final ProxySettings SYSTEM = new ProxySettings(null, 0, null, null, null, true);
    /** No proxy at all, whatever the JVM's system properties say. */
    public static final ProxySettings NONE = new ProxySettings(null, 0, null, null, null, false);

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<Pattern> nonProxyHosts;
    private final String nonProxyHostsText;
    private final boolean useSystemProxy;

    private ProxySettings(String host, int port, String username, String password, String nonProxyHosts,
                          boolean useSystemProxy) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHostsText = nonProxyHosts;
        this.nonProxyHosts = patterns(nonProxyHosts);
        this.useSystemProxy = useSystemProxy;
    }

    /**
     * A proxy of the component's own.
     *
     * @param nonProxyHosts the hosts reached directly, in the syntax of the JVM's {@code http.nonProxyHosts}:
     *                      separated by {@code |} (or commas), {@code *} at the start or end as a wildcard, e.g.
     *                      {@code localhost|*.internal|10.*}; {@code null} for none
     */
    public static ProxySettings of(String host, int port, String username, String password, String nonProxyHosts) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("A proxy needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("A proxy port is 1 to 65535, but was " + port);
        }
        return new ProxySettings(host.strip(), port, blankToNull(username), password, nonProxyHosts, false);
    }

    /** Whether the component names a proxy of its own. */
    public boolean isConfigured() {
        return host != null;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public String getUsername() {
        return username;
    }

    /** The password of {@link #getUsername()}; never logged or shown. */
    String password() {
        return password;
    }

    public boolean isUseSystemProxy() {
        return useSystemProxy;
    }

    /** Whether calls to {@code targetHost} bypass the component's proxy. */
    public boolean bypasses(String targetHost) {
        return matches(nonProxyHosts, targetHost);
    }

    static boolean matches(List<Pattern> patterns, String targetHost) {
        String h = targetHost.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (Pattern p : patterns) {
            if (p.matcher(h).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code localhost|*.internal|10.*}, or the same with commas, as patterns over lower-case host names. */
    static List<Pattern> patterns(String text) {
        List<Pattern> patterns = new ArrayList<>();
        if (text == null) {
            return patterns;
        }
        for (String part : text.split("[|,]")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("[") && p.endsWith("]")) {
                p = p.substring(1, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            // "*" is the wildcard, anywhere; everything else is literal
            String regex = Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            patterns.add(Pattern.compile(regex));
        }
        return patterns;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        if (host == null) {
            return useSystemProxy ? "the JVM's proxy system properties" : "no proxy";
        }
        return host + ":" + port + (username != null ? " as " + username : "")
               + (nonProxyHostsText != null && !nonProxyHostsText.isBlank() ? ", not for " + nonProxyHostsText : "");
    }
}
