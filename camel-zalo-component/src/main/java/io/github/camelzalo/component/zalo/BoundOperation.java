package io.github.camelzalo.component.zalo;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelzalo.component.zalo.binding.OperationBinding;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.provider.CallCredentials;
import io.github.camelzalo.component.zalo.provider.Credential;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.PagedCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
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
    /** The codec's paging, when the operation may take several calls; else {@code null}. */
    final PagedCodec<R, T> pages;
    /** The account the provider's rate limit counts; holds a digest of the key, never the key. */
    final AccountKey account;
    final CallCredentials credentials;
    /** Where the operation's calls go, for Camel's service registry and consoles. */
    final URI serviceUri;
    private final Map<WireRequest.Api, String> bases;
    /** The URI of an operation whose path never changes (CareSoft, eTelecom), built once. */
    private final String fixedPath;
    private final URI fixedUri;
    private final Map<WireRequest.Api, Map<String, URI>> bodyUris = new EnumMap<>(WireRequest.Api.class);
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    /**
     * @param bases the base URLs, without a trailing slash, of each API the provider's requests may name
     */
    @SuppressWarnings("unchecked")
    BoundOperation(ZaloOperation operation, ZaloProvider provider, Map<WireRequest.Api, String> bases,
                   AccountKey account, CallCredentials credentials, ZaloConfiguration configuration) {
        this.operation = operation;
        this.provider = provider;
        // each provider registers, per operation, a codec of the types that operation's binding reads and writes
        OperationBinding<?, ?> own = provider.binding(operation);
        this.binding = (OperationBinding<R, T>) (own != null ? own : operation.binding());
        this.codec = (OperationCodec<R, T>) provider.codecs().get(operation);
        this.pages = codec instanceof PagedCodec<?, ?> p ? (PagedCodec<R, T>) p : null;
        this.bases = new EnumMap<>(bases);
        for (WireRequest.Api api : WireRequest.Api.values()) {
            bodyUris.put(api, new ConcurrentHashMap<>());
        }
        this.account = account;
        this.credentials = credentials;
        this.connectTimeout = Duration.ofMillis(configuration.getConnectTimeout());
        this.requestTimeout = Duration.ofMillis(configuration.getRequestTimeout());
        String path;
        try {
            path = codec.path();
        } catch (UnsupportedOperationException e) {
            path = null;
        }
        this.fixedPath = path;
        this.fixedUri = path == null ? null : URI.create(bases.get(WireRequest.Api.ACCOUNT) + path);
        this.serviceUri = fixedUri != null ? fixedUri : URI.create(bases.get(WireRequest.Api.ACCOUNT));
    }

    /** How long one call may take in all, from the moment it reaches the producer. */
    Duration requestTimeout() {
        return requestTimeout;
    }

    /** The request on the wire; a request the provider cannot send fails here, before anything is sent. */
    WireRequest wire(R request) {
        return codec.request(request);
    }

    /** The OA whose credential the request needs, or {@code null} when the provider's key is the same for all. */
    String oaId(R request) {
        return codec.oaId(request);
    }

    HttpCall call(WireRequest wire, Credential credential) {
        URI uri;
        if (wire.api() == WireRequest.Api.ACCOUNT && wire.pathAndQuery() == fixedPath) {
            uri = fixedUri;
        } else if (wire.body().length > 0) {
            // a request with a body has one of a few fixed paths (e.g. the three message types): parsed once each
            uri = bodyUris.get(wire.api()).computeIfAbsent(wire.pathAndQuery(),
                    path -> URI.create(bases.get(wire.api()) + path));
        } else {
            // a GET's query differs every time
            uri = URI.create(bases.get(wire.api()) + wire.pathAndQuery());
        }
        return new HttpCall(wire.method(), uri, credential.headers(), wire.contentType(), wire.body(),
                connectTimeout, requestTimeout);
    }

    @Override
    public String toString() {
        return operation + " via " + provider.id() + " at " + serviceUri;
    }
}
