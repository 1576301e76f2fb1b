package io.github.camelzalo.component.zalo.auth;

/** A {@link ZaloTokenStore} could not read or write. Its message never carries a token. */
public class ZaloTokenStoreException extends RuntimeException {

    public ZaloTokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
