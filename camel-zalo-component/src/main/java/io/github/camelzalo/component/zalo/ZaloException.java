package io.github.camelzalo.component.zalo;

/**
 * Base of every exception the {@code zalo:} component puts on an exchange, so that a route can catch all of
 * them with one {@code onException(ZaloException.class)}. Messages never carry an API key or an unmasked phone
 * number.
 */
public abstract class ZaloException extends RuntimeException {

    protected ZaloException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether sending the same exchange again is safe and may succeed: the provider surely did not process it,
     * or the operation only reads. Camel's redelivery can use it via
     * {@code retryWhile(simple("${exception.retryable} == true && ${header.CamelRedeliveryCounter} <= 5"))}, which is
     * judged after every failure (see docs/reliability.md: an {@code onWhen} choice is kept from the first failure).
     */
    public abstract boolean isRetryable();
}
