package io.github.camelzalo.component.zalo;

import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;

/** The eTelecom account: {@code camel.component.zalo.etelecom.*}, or {@code zalo.getEtelecom()} in Java. */
@Configurer
public class ETelecomAccount implements ZaloAccount {

    @UriParam(label = "etelecom", defaultValue = "https://api.etelecom.vn/v1/shop",
              description = "The eTelecom API base URL for every endpoint that uses eTelecom: the Shop API (the"
                            + " default) or the Partner API, https://api.etelecom.vn/v1/partner.")
    private String baseUrl;

    @UriParam(label = "etelecom,security", secret = true,
              description = "The eTelecom shop's api_key (Shop API) or shop_key (Partner API), sent as a Bearer"
                            + " token.")
    private String apiKey;

    @UriParam(label = "etelecom", defaultValue = "0",
              description = "The most calls per second to the eTelecom account from this JVM; 0, the default, turns"
                            + " pacing off: eTelecom documents no limit.")
    private Integer rateLimit;

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public String toString() {
        return "ETelecomAccount[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "null" : "******")
               + ", rateLimit=" + rateLimit + "]";
    }
}
