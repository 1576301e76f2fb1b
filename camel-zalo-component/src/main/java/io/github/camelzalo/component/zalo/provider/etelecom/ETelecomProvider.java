package io.github.camelzalo.component.zalo.provider.etelecom;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloOperation;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ZaloProvider;

/**
 * eTelecom's Shop API ({@code https://api.etelecom.vn/v1/shop}, the shop's api key) or Partner API
 * ({@code https://api.etelecom.vn/v1/partner}, the shop key): image consultation messages.
 */
public final class ETelecomProvider implements ZaloProvider {

    public static final String SHOP_BASE_URL = "https://api.etelecom.vn/v1/shop";

    private static final Map<ZaloOperation, OperationCodec<?, ?>> CODECS = Map.of(
            ZaloOperation.sendImage, new ETelecomSendImageCodec());

    @Override
    public String id() {
        return "etelecom";
    }

    @Override
    public String defaultBaseUrl() {
        return SHOP_BASE_URL;
    }

    @Override
    public String baseUrlHint() {
        return "the eTelecom API URL ending in /v1/shop, or /v1/partner for a partner";
    }

    @Override
    public Map<ZaloOperation, OperationCodec<?, ?>> codecs() {
        return CODECS;
    }

}
