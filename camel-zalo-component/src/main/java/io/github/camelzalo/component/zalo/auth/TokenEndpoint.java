package io.github.camelzalo.component.zalo.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Zalo's OAuth token endpoint for one app ({@code POST /v4/oa/access_token}). The futures complete on any thread;
 * a refusal by Zalo completes them with a {@link TokenRefusedException}, a failure to reach it with the transport's
 * exception.
 */
public interface TokenEndpoint {

    /** Spends {@code refreshToken} (it works once) for a new pair. */
    CompletableFuture<TokenGrant> refresh(String refreshToken);

    /** Exchanges the code of an admin's consent, with the PKCE verifier whose challenge the consent URL carried. */
    CompletableFuture<TokenGrant> exchangeCode(String code, String codeVerifier);
}
