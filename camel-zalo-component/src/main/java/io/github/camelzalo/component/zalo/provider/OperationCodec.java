package io.github.camelzalo.component.zalo.provider;

import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * One operation in one provider's wire format: where to POST, the JSON to send, and how to read the answer.
 *
 * @param <R> the validated, provider-neutral request
 * @param <T> the result bean
 */
public interface OperationCodec<R, T> {

    /** Appended to the account's base URL. */
    String path();

    byte[] encode(R request);

    /**
     * @throws ProviderFailure when the answer is an error, or not the documented shape
     */
    T decode(HttpReply reply);
}
