package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.model.OaMessageType;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options every {@code zalo:} endpoint has. Set on the component, they are the defaults of all its endpoints;
 * set on an endpoint URI, they win for that endpoint.
 */
@UriParams
public class ZaloConfiguration implements Cloneable {

    @UriParam(description = "The provider that carries the call: caresoft, etelecom, or zalo for the official Zalo"
                            + " OA API. Defaults to caresoft for userStatus and send, to etelecom for sendImage, and"
                            + " to zalo for the operations only the official API offers.",
              enums = "caresoft,etelecom,zalo")
    private ZaloProviderType provider;

    @UriParam(description = "The provider's API base URL. For CareSoft the tenant's URL, e.g."
                            + " https://api.caresoft.vn/acme (required: there is no default); the component appends"
                            + " /api/v1/zalo/user-status or /api/v1/zalo/send-message. For eTelecom the Shop API"
                            + " URL https://api.etelecom.vn/v1/shop (the default) or the Partner API URL"
                            + " .../v1/partner; the component appends .Zalo/OASendImage.")
    private String baseUrl;

    @UriParam(label = "security", secret = true,
              description = "The provider API key (CareSoft API token, eTelecom api_key or shop_key), sent as a"
                            + " Bearer token in the Authorization header. Prefer setting it once on the component.")
    private String apiKey;

    @UriParam(description = "The Zalo Official Account id used when the CamelZaloOaId header is absent.")
    private String oaId;

    @UriParam(label = "advanced", defaultValue = "10000",
              description = "How long to wait for a connection to the provider, in milliseconds.")
    private int connectTimeout = 10_000;

    @UriParam(defaultValue = "30000",
              description = "How long one call may take in all, in milliseconds: from the moment the exchange reaches"
                            + " the endpoint until the answer has been read, the wait for its turn under the rate"
                            + " limit and for a free connection included. When it passes the exchange fails with a"
                            + " ZaloApiException of kind TIMEOUT.")
    private int requestTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "Whether a failure whose outcome is unknown (a timeout or broken connection after the"
                            + " request was sent, HTTP 500/502/504) counts as retryable for send and sendImage."
                            + " Off by default: retrying such a failure can deliver the same message twice.")
    private boolean retryUnknownOutcome;

    @UriParam(label = "advanced", defaultValue = "5",
              description = "How many times a call answered with a rate-limit error (HTTP 429, which means the"
                            + " request was not processed) is sent again, after the back-off, before the exchange"
                            + " fails with a retryable ZaloApiException of kind RATE_LIMITED. Applies when the"
                            + " provider's rate limit (caresoft.rateLimit, etelecom.rateLimit) is on. 0 sends once.")
    private int rateLimitRetries = 5;

    @UriParam(label = "zalo", enums = "consultation,transaction,promotion",
              description = "Provider zalo, for send: the message type when the CamelZaloMessageType header is"
                            + " absent. Consultation (the default) for texts, images and files; a template"
                            + " message goes as the type its template needs.")
    private OaMessageType messageType;

    @UriParam(label = "zalo", defaultValue = "false",
              description = "Provider zalo, for sendZns: send in development mode, which Zalo delivers only to the"
                            + " app's and the OA's admins and counts against no quota.")
    private boolean development;

    @UriParam(label = "zalo", defaultValue = "false",
              description = "Provider zalo, for sendZns: check the template data against the template's"
                            + " parameters (names, required, lengths) before sending, with the template's"
                            + " description read once and kept for 10 minutes.")
    private boolean validateTemplateData;

    @UriParam(label = "zalo",
              description = "Provider zalo, for followers: only users with this tag.")
    private String tag;

    @UriParam(label = "zalo", enums = "TODAY,YESTERDAY,L7D,L30D",
              description = "Provider zalo, for followers: only users who interacted with the OA in this period.")
    private String lastInteractionPeriod;

    @UriParam(label = "zalo", defaultValue = "false",
              description = "Provider zalo, for followers: only users who follow the OA.")
    private boolean followersOnly;

    @UriParam(label = "zalo", defaultValue = "false",
              description = "Provider zalo, for followers: read every page (from CamelZaloOffset, 0 by default)"
                            + " instead of one, up to maxResults users.")
    private boolean allPages;

    @UriParam(label = "zalo", defaultValue = "10000",
              description = "Provider zalo, for followers with allPages: the most users read in one exchange.")
    private int maxResults = 10_000;

    public ZaloProviderType getProvider() {
        return provider;
    }

    public void setProvider(ZaloProviderType provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getOaId() {
        return oaId;
    }

    public void setOaId(String oaId) {
        this.oaId = oaId;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(int requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public boolean isRetryUnknownOutcome() {
        return retryUnknownOutcome;
    }

    public void setRetryUnknownOutcome(boolean retryUnknownOutcome) {
        this.retryUnknownOutcome = retryUnknownOutcome;
    }

    public int getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(int rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public OaMessageType getMessageType() {
        return messageType;
    }

    public void setMessageType(OaMessageType messageType) {
        this.messageType = messageType;
    }

    public boolean isDevelopment() {
        return development;
    }

    public void setDevelopment(boolean development) {
        this.development = development;
    }

    public boolean isValidateTemplateData() {
        return validateTemplateData;
    }

    public void setValidateTemplateData(boolean validateTemplateData) {
        this.validateTemplateData = validateTemplateData;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getLastInteractionPeriod() {
        return lastInteractionPeriod;
    }

    public void setLastInteractionPeriod(String lastInteractionPeriod) {
        this.lastInteractionPeriod = lastInteractionPeriod;
    }

    public boolean isFollowersOnly() {
        return followersOnly;
    }

    public void setFollowersOnly(boolean followersOnly) {
        this.followersOnly = followersOnly;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public ZaloConfiguration copy() {
        try {
            return (ZaloConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "ZaloConfiguration[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
               + (apiKey == null ? "null" : "******") + ", oaId=" + oaId + ", connectTimeout=" + connectTimeout
               + ", requestTimeout=" + requestTimeout + ", retryUnknownOutcome=" + retryUnknownOutcome
               + ", rateLimitRetries=" + rateLimitRetries + "]";
    }
}
