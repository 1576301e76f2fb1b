package io.github.camelzalo.sandbox;

/**
 * Counters since the sandbox started (or since {@link ZaloSandbox#resetStats()}): a snapshot, also served as JSON
 * at {@code GET /sandbox/stats}. The {@code /sandbox/*} requests themselves are not counted.
 *
 * @param requests          every provider request that reached the sandbox
 * @param caresoftRequests  of which to CareSoft paths
 * @param etelecomRequests  of which to eTelecom paths
 * @param accepted          requests answered with success (user-status answers and accepted messages)
 * @param refused           well-formed requests refused by Zalo's rules or naming an unknown customer, script or OA
 * @param invalid           malformed requests (validation errors, unknown paths)
 * @param unauthorized      requests with a missing or wrong API key
 * @param rateLimited       HTTP 429 answers: CareSoft's "Too Many Attempts."
 * @param lockouts          how many times a CareSoft tenant was locked out
 * @param lockedOut         HTTP 404 answers "Domain incorrect too many times" given during lock-outs
 */
public record SandboxStats(long requests, long caresoftRequests, long etelecomRequests, long accepted, long refused,
        long invalid, long unauthorized, long rateLimited, long lockouts, long lockedOut) {
}
