package io.github.camelzalo.component.zalo.binding;

import org.apache.camel.Exchange;

/**
 * How one operation meets the exchange: the provider-neutral request it reads from headers, body and endpoint
 * defaults (validated, so nothing invalid is ever sent), and how its result goes back onto the message.
 *
 * @param <R> the request type
 * @param <T> the result type
 */
public interface OperationBinding<R, T> {

    /**
     * @param  defaultOaId the endpoint's {@code oaId}, used when the exchange names none
     * @throws io.github.camelzalo.component.zalo.ZaloValidationException when the exchange is not a valid request
     */
    R read(Exchange exchange, String defaultOaId);

    void write(Exchange exchange, T result);
}
