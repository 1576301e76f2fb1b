package io.github.camelzalo.component.zalo.pacing;

/**
 * A shared rate limiter could not give a permit because its store could not be reached (or answered too late). The
 * call was not sent: sending it unpaced could put the whole cluster over the provider's limit. Its message names the
 * account by digest only.
 */
public class RateLimiterUnavailableException extends RuntimeException {

    public RateLimiterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
