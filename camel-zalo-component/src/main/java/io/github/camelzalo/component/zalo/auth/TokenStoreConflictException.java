package io.github.camelzalo.component.zalo.auth;

/**
 * A conditional save found another version than the one it was made on: someone saved a pair in between. Nothing
 * was written.
 */
public class TokenStoreConflictException extends ZaloTokenStoreException {

    private final long expectedVersion;
    private final long actualVersion;

    public TokenStoreConflictException(String appId, String oaId, long expectedVersion, long actualVersion) {
        super("The tokens of app " + appId + " and OA " + oaId + " are at version " + actualVersion + ", not "
              + expectedVersion + ": someone saved a newer pair", null);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public long getExpectedVersion() {
        return expectedVersion;
    }

    /** The version found, 0 when the store holds none. */
    public long getActualVersion() {
        return actualVersion;
    }
}
