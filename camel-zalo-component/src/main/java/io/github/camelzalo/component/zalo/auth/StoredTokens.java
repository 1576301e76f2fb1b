package io.github.camelzalo.component.zalo.auth;

import java.util.Objects;

/**
 * A token pair as a {@link ZaloTokenStore} holds it, with the version that a later save must name: a save made
 * on a version that is no longer current fails, so two writers can never overwrite each other's newer pair.
 *
 * @param tokens  the pair
 * @param version the store's version of it, 1 or more
 */
public record StoredTokens(ZaloTokens tokens, long version) {

    public StoredTokens {
        Objects.requireNonNull(tokens, "tokens");
        if (version < 1) {
            throw new IllegalArgumentException("A stored version is 1 or more, but was " + version);
        }
    }
}
