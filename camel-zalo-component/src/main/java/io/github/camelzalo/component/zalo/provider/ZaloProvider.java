package io.github.camelzalo.component.zalo.provider;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloOperation;
import io.github.camelzalo.component.zalo.binding.OperationBinding;

/**
 * A provider adapter: the operations one provider offers, each as an {@link OperationCodec}, plus how the provider
 * authenticates. Adding a provider means writing one of these and listing it in
 * {@link io.github.camelzalo.component.zalo.ZaloProviderType}.
 */
public interface ZaloProvider {

    /** The name used in the {@code provider} option, e.g. {@code caresoft}. */
    String id();

    /** The base URL to use when none is configured, or {@code null} when each account has its own. */
    String defaultBaseUrl();

    /** A sentence telling the user what a base URL for this provider looks like. */
    String baseUrlHint();

    Map<ZaloOperation, OperationCodec<?, ?>> codecs();

    /**
     * How {@code operation} reads its request from the exchange when this provider takes another request type for it
     * than the operation's own (the official API's send and sendImage do); {@code null} for the operation's own.
     */
    default OperationBinding<?, ?> binding(ZaloOperation operation) {
        return null;
    }

    /** The headers that carry the API key: a Bearer token, as CareSoft and eTelecom both take it. */
    default Map<String, String> authHeaders(String apiKey) {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    /** Calls per second to one account when the user sets no rate limit; 0 means no limit. */
    default int defaultRateLimit() {
        return 0;
    }

    default boolean supports(ZaloOperation operation) {
        return codecs().containsKey(operation);
    }
}
