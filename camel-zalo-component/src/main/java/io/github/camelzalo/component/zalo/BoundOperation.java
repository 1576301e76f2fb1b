package io.github.camelzalo.component.zalo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.camelzalo.component.zalo.binding.OperationBinding;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ZaloProvider;
import io.github.camelzalo.component.zalo.transport.HttpCall;

/**
 * An endpoint's operation tied to its provider and account: everything a call needs but the exchange. Built once
 * when the endpoint is created, so a wrong provider, base URL or missing key fails then and not per message.
 */
final class BoundOperation<R, T> {

    final ZaloOperation operation;
    final ZaloProvider provider;
    final OperationBinding<R, T> binding;
    final OperationCodec<R, T> codec;
    final URI uri;
    /** The account the provider's rate limit counts; holds a digest of the key, never the key. */
    final AccountKey account;
    private final Map<String, String> authHeaders;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    @SuppressWarnings("unchecked")
    BoundOperation(ZaloOperation operation, ZaloProvider provider, String baseUrl, URI uri, String apiKey,
                   ZaloConfiguration configuration) {
        this.operation = operation;
        this.provider = provider;
        // each provider registers, per operation, a codec of the types that operation's binding reads and writes
        this.binding = (OperationBinding<R, T>) operation.binding();
        this.codec = (OperationCodec<R, T>) provider.codecs().get(operation);
        this.uri = uri;
        this.account = AccountKey.of(provider.id(), baseUrl, apiKey);
        this.authHeaders = provider.authHeaders(apiKey);
        this.connectTimeout = Duration.ofMillis(configuration.getConnectTimeout());
        this.requestTimeout = Duration.ofMillis(configuration.getRequestTimeout());
    }

    /** How long one call may take in all, from the moment it reaches the producer. */
    Duration requestTimeout() {
        return requestTimeout;
    }

    HttpCall call(R request) {
        return new HttpCall(uri, authHeaders, codec.encode(request), connectTimeout, requestTimeout);
    }

    @Override
    public String toString() {
        return operation + " via " + provider.id() + " at " + uri;
    }
}
