package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import org.apache.camel.spi.Configurer;

/**
 * The official Zalo API's account (provider {@code zalo}): one Zalo app, acting for one or more OAs, each with its
 * own OAuth token pair. Set once as {@code camel.component.zalo.zalo.app-id}, {@code .app-secret},
 * {@code .oa-secret-key}, {@code .refresh-token} and so on. {@link #toString()} shows no secret.
 */
@Configurer
public class ZaloAppAccount {

    private String appId;
    private String appSecret;
    private String oaSecretKey;
    private String previousOaSecretKey;
    private String refreshToken;
    private ZaloTokenStore tokenStore;
    private String tokenDirectory;
    private Integer rateLimit;
    private String oauthBaseUrl;
    private String openApiBaseUrl;
    private String businessBaseUrl;
    private long refreshAhead = 600_000;
    private boolean appSecretProof;

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
               + mask(oaSecretKey) + ", refreshToken=" + mask(refreshToken) + ", tokenStore=" + tokenStore
               + ", tokenDirectory=" + tokenDirectory + ", rateLimit=" + rateLimit + ", oauthBaseUrl=" + oauthBaseUrl
               + ", openApiBaseUrl=" + openApiBaseUrl + ", businessBaseUrl=" + businessBaseUrl + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
