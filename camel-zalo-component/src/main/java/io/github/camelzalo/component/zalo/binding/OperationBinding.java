package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
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
     * @param  endpoint the endpoint's options: its {@code oaId} is used when the exchange names none, and its other
     *                  options where a header does not say otherwise
     * @throws io.github.camelzalo.component.zalo.ZaloValidationException when the exchange is not a valid request
     */
    R read(Exchange exchange, ZaloConfiguration endpoint);

    void write(Exchange exchange, T result);
}
