package io.github.camelzalo.component.zalo.provider;

import java.util.concurrent.CompletableFuture;

/**
 * Where a call's credential comes from: a static API key (CareSoft, eTelecom), or an OA's OAuth access token that
 * the token manager hands out and replaces (the official API). Never blocks.
 */
public interface CallCredentials {

    /** The credential at once when it never changes, else {@code null}: then ask {@link #credential}. */
    Credential now(String oaId);

    /**
     * The credential for a call for {@code oaId}; fails with a
     * {@link io.github.camelzalo.component.zalo.auth.TokenUnavailableException} when none can be had.
     */
    CompletableFuture<Credential> credential(String oaId);

    /**
     * The provider refused {@code used} as invalid or expired: the credential to send the call again with, or
     * {@code null} when sending again cannot help (a static key).
     */
    CompletableFuture<Credential> rejected(Credential used);
}
