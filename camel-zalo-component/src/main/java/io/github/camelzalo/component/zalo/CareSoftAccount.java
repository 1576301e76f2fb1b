package io.github.camelzalo.component.zalo;

import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;

/** The CareSoft account: {@code camel.component.zalo.caresoft.*}, or {@code zalo.getCaresoft()} in Java. */
@Configurer
public class CareSoftAccount implements ZaloAccount {

    @UriParam(label = "caresoft",
              description = "The CareSoft tenant's API base URL, e.g. https://api.caresoft.vn/acme, for every endpoint"
                            + " that uses CareSoft. Required: every tenant has its own, and there is no default.")
    private String baseUrl;

    @UriParam(label = "caresoft,security", secret = true,
              description = "The CareSoft API token, sent as a Bearer token by every endpoint that uses CareSoft.")
    private String apiKey;

    @UriParam(label = "caresoft", defaultValue = "15",
              description = "The most calls per second to the CareSoft account from this JVM; 0 turns pacing off."
                            + " CareSoft allows 15 and locks the tenant out for 15 minutes after 20 answers 429 in a"
                            + " row; calls wait their turn without holding a thread and slow down by themselves after"
                            + " a 429.")
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
        return "CareSoftAccount[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "null" : "******")
               + ", rateLimit=" + rateLimit + "]";
    }
}
