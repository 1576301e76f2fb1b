package io.github.camelzalo.sandbox;

/**
 * Counters since the sandbox started (or since {@link ZaloSandbox#resetStats()}): a snapshot, also served as JSON
 * at {@code GET /sandbox/stats}. The {@code /sandbox/*} requests themselves are not counted.
 *
 * @param requests          every provider request that reached the sandbox
 * @param caresoftRequests  of which to CareSoft paths
 * @param etelecomRequests  of which to eTelecom paths
 * @param zaloRequests      of which to Zalo's own API ({@code /zalo/oauth}, {@code /zalo/openapi},
 *                          {@code /zalo/business})
 * @param accepted          requests answered with success (status answers, accepted messages, tokens, uploads …)
 * @param refused           well-formed requests refused by Zalo's rules or naming an unknown customer, script, OA,
 *                          code or token
 * @param invalid           malformed requests (validation errors, unknown paths)
 * @param unauthorized      requests with a missing or wrong API key, secret key or access token
 * @param rateLimited       HTTP 429 answers: CareSoft's "Too Many Attempts."
 * @param lockouts          how many times a CareSoft tenant was locked out
 * @param lockedOut         HTTP 404 answers "Domain incorrect too many times" given during lock-outs
 * @param zaloRateLimited   Zalo OA API calls answered with error -32 (the app's calls per minute)
 */
public record SandboxStats(long requests, long caresoftRequests, long etelecomRequests, long zaloRequests,
        long accepted, long refused, long invalid, long unauthorized, long rateLimited, long lockouts, long lockedOut,
        long zaloRateLimited) {
}
