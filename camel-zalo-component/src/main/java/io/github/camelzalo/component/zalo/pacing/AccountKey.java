package io.github.camelzalo.component.zalo.pacing;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One provider account, the unit a provider's rate limit counts: the provider, the base URL and the API key.
 * Only a SHA-256 digest of the key is kept, so a key can be compared without being held, and {@link #toString()}
 * shows just the first eight hex digits of that digest.
 * <p>
 * The base URL is kept in one spelling ({@link #normalise}), so that one tenant written two ways is still one
 * account: otherwise each spelling would get a limiter of its own and the provider would see the limit twice.
 */
public final class AccountKey {

    private final String provider;
    private final String baseUrl;
    private final String keyDigest;

    private AccountKey(String provider, String baseUrl, String keyDigest) {
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.keyDigest = keyDigest;
    }

    public static AccountKey of(String provider, String baseUrl, String apiKey) {
        return new AccountKey(provider, normalise(baseUrl), digest(apiKey));
    }

    /**
     * The spelling of a base URL that every spelling of the same place shares: scheme and host in lower case (and
     * the host without a trailing dot), no default port, {@code .} and {@code ..} segments resolved, runs of
     * {@code /} as one, no {@code /} at the end, and percent-encoded letters, digits and {@code -._~} decoded. The
     * path's case is kept: a server may tell {@code /acme} and {@code /ACME} apart.
     */
    static String normalise(String baseUrl) {
        String text = baseUrl.strip();
        try {
            URI uri = new URI(text).normalize();
            if (uri.getScheme() == null || uri.getHost() == null) {
                return text;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            while (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String path = decodeUnreserved(uri.getRawPath() == null ? "" : uri.getRawPath()).replaceAll("/{2,}", "/");
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return scheme + "://" + host + (port >= 0 ? ":" + port : "") + path
                   + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        } catch (URISyntaxException e) {
            return text;
        }
    }

    /** {@code %61} is {@code a}: percent-encoded unreserved characters mean themselves (RFC 3986, 6.2.2.2). */
    private static String decodeUnreserved(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        StringBuilder sb = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                int value = HexFormat.fromHexDigits(rawPath, i + 1, i + 3);
                char decoded = (char) value;
                if (Character.isLetterOrDigit(decoded) && decoded < 128 || "-._~".indexOf(decoded) >= 0) {
                    sb.append(decoded);
                } else {
                    sb.append(rawPath, i, i + 3);
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String digest(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A name for this account that another JVM computes alike, for a shared store's keys: the provider and 32 hex
     * digits of a SHA-256 over the provider, the base URL and the key's digest (so never the key, and no way back
     * to it).
     */
    public String id() {
        return provider + ":" + digest(provider + "\n" + baseUrl + "\n" + keyDigest).substring(0, 32);
    }

    public String getProvider() {
        return provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The first eight hex digits of the key's SHA-256 digest, as {@link #toString()} shows them; never the key. */
    public String getKeyDigest() {
        return keyDigest.substring(0, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountKey other && provider.equals(other.provider) && baseUrl.equals(other.baseUrl)
               && keyDigest.equals(other.keyDigest);
    }

    @Override
    public int hashCode() {
        return (provider.hashCode() * 31 + baseUrl.hashCode()) * 31 + keyDigest.hashCode();
    }

    @Override
    public String toString() {
        return provider + " " + baseUrl + " key#" + keyDigest.substring(0, 8);
    }
}
