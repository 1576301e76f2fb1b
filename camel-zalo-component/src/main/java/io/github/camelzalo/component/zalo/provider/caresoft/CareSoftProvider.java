package io.github.camelzalo.component.zalo.provider.caresoft;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloOperation;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ZaloProvider;

/**
 * CareSoft's Zalo API: user status and send message. Each CareSoft tenant has its own base URL,
 * {@code https://api.caresoft.vn/<domain>}, and one static API token.
 */
public final class CareSoftProvider implements ZaloProvider {

    private static final Map<ZaloOperation, OperationCodec<?, ?>> CODECS = Map.of(
            ZaloOperation.userStatus, new CareSoftUserStatusCodec(),
            ZaloOperation.send, new CareSoftSendCodec());

    @Override
    public String id() {
        return "caresoft";
    }

    @Override
    public String defaultBaseUrl() {
        return null;
    }

    /** CareSoft allows 15 requests per second per tenant, and locks the tenant out after 20 answers 429 in a row. */
    @Override
    public int defaultRateLimit() {
        return 15;
    }

    @Override
    public String baseUrlHint() {
        return "your CareSoft tenant's API URL, e.g. https://api.caresoft.vn/<domain>";
    }

    @Override
    public Map<ZaloOperation, OperationCodec<?, ?>> codecs() {
        return CODECS;
    }

}
