package io.github.camelzalo.component.zalo;

import org.apache.camel.spi.Configurer;

/**
 * One provider account, shared by every endpoint of the component that uses that provider: set once as
 * {@code camel.component.zalo.caresoft.base-url}, {@code .api-key}, {@code .rate-limit} (and the same under
 * {@code etelecom}). Nested this way, the key's property name ends in {@code api-key}, which Camel Main and Camel
 * JBang mask when they print the configuration.
 */
@Configurer
public class ZaloAccount {

    private String baseUrl;
    private String apiKey;
    private Integer rateLimit;

    /** The provider's API base URL: for CareSoft the tenant's, e.g. {@code https://api.caresoft.vn/acme}. */
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The API key (CareSoft API token, eTelecom api_key or shop_key), sent as a Bearer token. A secret. */
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The most calls per second to this account, shared by every endpoint of the JVM that uses it; 0 turns pacing
     * off; {@code null} means the provider's default (CareSoft 15, eTelecom off).
     */
    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public String toString() {
        return "ZaloAccount[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "null" : "******") + ", rateLimit="
               + rateLimit + "]";
    }
}
