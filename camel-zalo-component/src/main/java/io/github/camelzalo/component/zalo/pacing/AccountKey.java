package io.github.camelzalo.component.zalo.pacing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One provider account, the unit a provider's rate limit counts: the provider, the base URL and the API key.
 * Only a SHA-256 digest of the key is kept, so a key can be compared without being held, and {@link #toString()}
 * shows just the first eight hex digits of that digest.
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
        return new AccountKey(provider, baseUrl, digest(apiKey));
    }

    private static String digest(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public String getProvider() {
        return provider;
    }

    public String getBaseUrl() {
        return baseUrl;
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
