package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;

/**
 * The official Zalo API's account (provider {@code zalo}): one Zalo app, acting for one or more OAs, each with its
 * own OAuth token pair. Set once as {@code camel.component.zalo.zalo.app-id}, {@code .app-secret},
 * {@code .oa-secret-key}, {@code .refresh-token} and so on. {@link #toString()} shows no secret.
 */
@Configurer
public class ZaloAppAccount {

    @UriParam(label = "zalo",
              description = "The Zalo app's id, from Zalo's developer console: the app that acts for the OAs with"
                            + " provider zalo.")
    private String appId;

    @UriParam(label = "zalo,security", secret = true,
              description = "The app's secret key, sent to Zalo's token endpoint as secret_key.")
    private String appSecret;

    @UriParam(label = "zalo,security", secret = true,
              description = "The OA's secret key, with which Zalo signs the webhook events it sends (zalo:events).")
    private String oaSecretKey;

    @UriParam(label = "zalo,security", secret = true,
              description = "The OA's previous secret key, still accepted for webhook events while the key is being"
                            + " rotated.")
    private String previousOaSecretKey;

    @UriParam(label = "zalo,security", secret = true,
              description = "The secret keys of the app's OAs when it serves several, for webhook events"
                            + " (zalo:events): <oaId>:<key> entries separated by commas, an OA listed twice while its"
                            + " key is rotated. An OA listed here is checked with its keys only; the others with"
                            + " oaSecretKey and previousOaSecretKey.")
    private String oaSecretKeys;

    @UriParam(label = "zalo,security", secret = true,
              description = "A refresh token of the default OA (oaId), from an admin's consent. It seeds the token"
                            + " store when the store has no tokens for that OA, or holds a pair that did not come"
                            + " from this token (a new consent); a stored pair that came from it wins.")
    private String refreshToken;

    @UriParam(label = "zalo",
              description = "Where each OA's OAuth tokens are kept: a ZaloTokenStore bean. By default the one bean of"
                            + " that type in the registry, else a file store in tokenDirectory.")
    private ZaloTokenStore tokenStore;

    @UriParam(label = "zalo",
              description = "The directory of the default file token store, one file per app and OA, readable by"
                            + " its owner only. Default ~/.camel-zalo/tokens.")
    private String tokenDirectory;

    @UriParam(label = "zalo", defaultValue = "4000",
              description = "The most calls per minute (Zalo's unit) to the app from this JVM; 0 turns pacing off."
                            + " Zalo allows an app 4,000 a minute and answers -32 past it; calls wait their turn"
                            + " without holding a thread, and a -32 is sent again like a 429.")
    private Integer rateLimit;

    @UriParam(label = "zalo", defaultValue = "https://oauth.zaloapp.com",
              description = "Zalo's OAuth host, where tokens are refreshed; a sandbox's or test server's instead.")
    private String oauthBaseUrl;

    @UriParam(label = "zalo", defaultValue = "https://openapi.zalo.me",
              description = "The OA API's host (messages, upload, users); a sandbox's or test server's instead.")
    private String openApiBaseUrl;

    @UriParam(label = "zalo", defaultValue = "https://business.openapi.zalo.me",
              description = "The ZNS API's host; a sandbox's or test server's instead.")
    private String businessBaseUrl;

    @UriParam(label = "zalo", defaultValue = "600000",
              description = "How long before its expiry an access token is replaced, in milliseconds, while calls go"
                            + " on with it; half the token's lifetime when that is shorter.")
    private long refreshAhead = 600_000;

    @UriParam(label = "zalo", defaultValue = "30000",
              description = "How long the refresh lease of a shared token store lasts, in milliseconds: while one"
                            + " instance refreshes an OA's tokens the others wait for its new pair, and if it dies they"
                            + " wait at most this long before one of them refreshes.")
    private long tokenLeaseTime = 30_000;

    @UriParam(label = "zalo", defaultValue = "60000",
              description = "How long a pair read from a shared token store is used before the store is read again,"
                            + " in milliseconds: the longest an instance goes on with a pair another instance has"
                            + " already replaced (a call refused for it is sent again with the new one).")
    private long tokenCacheTime = 60_000;

    @UriParam(label = "zalo", defaultValue = "false",
              description = "Whether calls also carry appsecret_proof, the hex HMAC-SHA256 of the access token keyed"
                            + " with the app secret.")
    private boolean appSecretProof;

    /** How long the refresh lease of a shared token store lasts, ms. */
    public long getTokenLeaseTime() {
        return tokenLeaseTime;
    }

    public void setTokenLeaseTime(long tokenLeaseTime) {
        this.tokenLeaseTime = tokenLeaseTime;
    }

    /** How long a pair read from a shared token store is used before the store is read again, ms. */
    public long getTokenCacheTime() {
        return tokenCacheTime;
    }

    public void setTokenCacheTime(long tokenCacheTime) {
        this.tokenCacheTime = tokenCacheTime;
    }

    /** The Zalo app's id, from Zalo's developer console. */
    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** The app's secret key, sent to Zalo's token endpoint as {@code secret_key}. A secret. */
    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    /** The OA's secret key, which signs the webhook events Zalo sends. A secret. */
    public String getOaSecretKey() {
        return oaSecretKey;
    }

    public void setOaSecretKey(String oaSecretKey) {
        this.oaSecretKey = oaSecretKey;
    }

    /** The OA's previous secret key, still accepted for webhook events while the key is being rotated. */
    public String getPreviousOaSecretKey() {
        return previousOaSecretKey;
    }

    public void setPreviousOaSecretKey(String previousOaSecretKey) {
        this.previousOaSecretKey = previousOaSecretKey;
    }

    /**
     * The secret keys of several OAs, {@code <oaId>:<key>} entries separated by commas (an OA listed twice while its
     * key is rotated). A secret.
     */
    public String getOaSecretKeys() {
        return oaSecretKeys;
    }

    public void setOaSecretKeys(String oaSecretKeys) {
        this.oaSecretKeys = oaSecretKeys;
    }

    /**
     * A refresh token of the default OA ({@code oaId}), which seeds the token store when it has no tokens for that
     * OA, or holds a pair that did not come from this token (a new consent). A secret.
     */
    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    /** Where the OAs' tokens are kept; by default a file store in {@code tokenDirectory}. */
    public ZaloTokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(ZaloTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    /** The default token store's directory, {@code ~/.camel-zalo/tokens} by default. */
    public String getTokenDirectory() {
        return tokenDirectory;
    }

    public void setTokenDirectory(String tokenDirectory) {
        this.tokenDirectory = tokenDirectory;
    }

    /** Calls per minute to the app from this JVM, Zalo's unit: 4,000 by default, 0 turns pacing off. */
    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getOauthBaseUrl() {
        return oauthBaseUrl;
    }

    public void setOauthBaseUrl(String oauthBaseUrl) {
        this.oauthBaseUrl = oauthBaseUrl;
    }

    public String getOpenApiBaseUrl() {
        return openApiBaseUrl;
    }

    public void setOpenApiBaseUrl(String openApiBaseUrl) {
        this.openApiBaseUrl = openApiBaseUrl;
    }

    public String getBusinessBaseUrl() {
        return businessBaseUrl;
    }

    public void setBusinessBaseUrl(String businessBaseUrl) {
        this.businessBaseUrl = businessBaseUrl;
    }

    /** How long before its expiry an access token is replaced, in milliseconds (half its lifetime if shorter). */
    public long getRefreshAhead() {
        return refreshAhead;
    }

    public void setRefreshAhead(long refreshAhead) {
        this.refreshAhead = refreshAhead;
    }

    /** Whether calls carry {@code appsecret_proof}, an HMAC of the access token with the app secret. */
    public boolean isAppSecretProof() {
        return appSecretProof;
    }

    public void setAppSecretProof(boolean appSecretProof) {
        this.appSecretProof = appSecretProof;
    }

    @Override
    public String toString() {
        return "ZaloAppAccount[appId=" + appId + ", appSecret=" + mask(appSecret) + ", oaSecretKey="
               + mask(oaSecretKey) + ", previousOaSecretKey=" + mask(previousOaSecretKey) + ", oaSecretKeys="
               + mask(oaSecretKeys) + ", refreshToken=" + mask(refreshToken) + ", tokenStore=" + tokenStore
               + ", tokenDirectory=" + tokenDirectory + ", rateLimit=" + rateLimit + ", oauthBaseUrl=" + oauthBaseUrl
               + ", openApiBaseUrl=" + openApiBaseUrl + ", businessBaseUrl=" + businessBaseUrl + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
