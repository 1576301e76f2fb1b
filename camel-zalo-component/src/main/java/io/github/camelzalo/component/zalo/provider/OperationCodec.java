package io.github.camelzalo.component.zalo.provider;

import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * One operation in one provider's wire format: where to POST, the JSON to send, and how to read the answer.
 *
 * @param <R> the validated, provider-neutral request
 * @param <T> the result bean
 */
public interface OperationCodec<R, T> {

    /** Appended to the account's base URL; used by {@link #request(Object)} unless it is overridden. */
    default String path() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " builds its own request");
    }

    /** The JSON body of a POST to {@link #path()}; used by {@link #request(Object)} unless it is overridden. */
    default byte[] encode(R request) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " builds its own request");
    }

    /**
     * The request on the wire. By default a JSON POST of {@link #encode(Object)} to {@link #path()} on the
     * account's base URL, as CareSoft and eTelecom take every call.
     *
     * @throws io.github.camelzalo.component.zalo.ZaloValidationException when the provider cannot send this
     *                                                                     request (nothing is sent)
     */
    default WireRequest request(R request) {
        return WireRequest.postJson(WireRequest.Api.ACCOUNT, path(), encode(request));
    }

    /**
     * The OA a request acts for, when the provider's credential depends on it (the official API: each OA has its own
     * access token); {@code null} by default.
     */
    default String oaId(R request) {
        return null;
    }

    /**
     * @throws ProviderFailure when the answer is an error, or not the documented shape
     */
    default T decode(HttpReply reply) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " decodes with its request");
    }

    /**
     * Reads the answer to {@code request}; by default {@link #decode(HttpReply)}, for codecs whose result does not
     * depend on the request.
     *
     * @throws ProviderFailure when the answer is an error, or not the documented shape
     */
    default T decode(R request, HttpReply reply) {
        return decode(reply);
    }
}
