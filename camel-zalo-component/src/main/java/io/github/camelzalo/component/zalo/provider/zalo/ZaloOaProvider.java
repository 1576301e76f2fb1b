package io.github.camelzalo.component.zalo.provider.zalo;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloOperation;
import io.github.camelzalo.component.zalo.binding.OaSendBinding;
import io.github.camelzalo.component.zalo.binding.OaSendImageBinding;
import io.github.camelzalo.component.zalo.binding.OperationBinding;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ZaloProvider;

/**
 * The official Zalo OA API (provider {@code zalo}): OA messages of every kind, upload, users and ZNS, on
 * {@code https://openapi.zalo.me} and {@code https://business.openapi.zalo.me}, with the OA's OAuth access token
 * in an {@code access_token} header. CareSoft and eTelecom resell this API.
 */
public final class ZaloOaProvider implements ZaloProvider {

    public static final String OAUTH_BASE_URL = "https://oauth.zaloapp.com";
    public static final String OPEN_API_BASE_URL = "https://openapi.zalo.me";
    public static final String BUSINESS_BASE_URL = "https://business.openapi.zalo.me";
    /** Zalo allows an app 4,000 calls a minute. */
    public static final double DEFAULT_RATE_LIMIT = 4000.0 / 60;

    private static final ZaloMessageCodec MESSAGES = new ZaloMessageCodec();
    private static final Map<ZaloOperation, OperationCodec<?, ?>> CODECS = Map.of(
            ZaloOperation.send, MESSAGES,
            ZaloOperation.sendImage, MESSAGES,
            ZaloOperation.sendFile, MESSAGES,
            ZaloOperation.upload, new ZaloUploadCodec(),
            ZaloOperation.userProfile, new ZaloUserProfileCodec(),
            ZaloOperation.followers, new ZaloFollowersCodec(),
            ZaloOperation.sendZns, new ZnsSendCodec(),
            ZaloOperation.znsStatus, new ZnsStatusCodec(),
            ZaloOperation.znsQuota, new ZnsQuotaCodec(),
            ZaloOperation.znsTemplate, new ZnsTemplateCodec());
    private static final OaSendBinding SEND = new OaSendBinding();
    private static final OaSendImageBinding SEND_IMAGE = new OaSendImageBinding();

    @Override
    public String id() {
        return "zalo";
    }

    @Override
    public String defaultBaseUrl() {
        return OPEN_API_BASE_URL;
    }

    @Override
    public String baseUrlHint() {
        return "the official API's URL, https://openapi.zalo.me (set zalo.openApiBaseUrl, zalo.businessBaseUrl and"
               + " zalo.oauthBaseUrl to point at a sandbox)";
    }

    @Override
    public Map<ZaloOperation, OperationCodec<?, ?>> codecs() {
        return CODECS;
    }

    @Override
    public OperationBinding<?, ?> binding(ZaloOperation operation) {
        return switch (operation) {
            case send -> SEND;
            case sendImage -> SEND_IMAGE;
            default -> null;
        };
    }
}
