package io.github.camelzalo.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Zalo's OAuth v4 for OAs, as the sandbox's app sees it: authorization codes from the consent page, the token
 * endpoint, and each OA's one live token pair. The rules, all on the sandbox clock:
 * <ul>
 * <li>A code lives {@link #CODE_LIFETIME 10 minutes} and is used once; its PKCE challenge (base64url without
 * padding of the SHA-256 of the verifier) must match the {@code code_verifier} of the exchange.</li>
 * <li>A refresh token is used once. Every new pair (consent, refresh, {@link #issueTokens(String)}) ends the OA's
 * previous pair at once: its access token gets -216 from then on, its refresh token -14014.</li>
 * <li>Access tokens live {@code accessTokenLifetime} (25 h), refresh tokens {@code refreshTokenLifetime} (90 days);
 * both can be changed while the sandbox runs, for the tokens issued afterwards.</li>
 * </ul>
 * Thread-safe. Tokens are random and never logged; {@code /sandbox/oauth} shows only digests.
 */
public final class ZaloOAuth {

    /** How long an authorization code can be exchanged. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    static final int INVALID_APP_ID = -14002;
    static final int INVALID_SECRET_KEY = -14004;
    static final int INVALID_CODE = -14005;
    static final int INVALID_REFRESH_TOKEN = -14014;
    static final int INVALID_GRANT_TYPE = -14018;

    /** Where an access token stands. */
    enum AccessStatus {
        VALID,
        /** No token was given. */
        MISSING,
        /** Never issued by this sandbox. */
        UNKNOWN,
        /** Ended by a newer pair or revoked. */
        DEAD,
        /** Past its lifetime on the sandbox clock. */
        EXPIRED
    }

    record AccessCheck(AccessStatus status, String oaId) {
    }

    /** A consent given: the code for the redirect, and the OA it is for. */
    record Consent(String code, String oaId) {
    }

    /** What the token endpoint answers: a pair, an error, or (a quirk) nothing at all. */
    sealed interface TokenAnswer permits Granted, Failed, Empty {
    }

    /** @param withRefreshToken whether the answer carries the refresh token ({@code false} under a quirk) */
    record Granted(TokenPair pair, long expiresInSeconds, boolean withRefreshToken) implements TokenAnswer {
    }

    record Failed(OAuthError error) implements TokenAnswer {
    }

    record Empty() implements TokenAnswer {
    }

    /** A token endpoint or consent error: {@code {"error":…,"error_name":…,"error_description":…}}. */
    static final class OAuthError extends RuntimeException {
        final int code;
        final String name;

        OAuthError(int code, String name, String description) {
            super(description, null, false, false);
            this.code = code;
            this.name = name;
        }
    }

    private enum Status {
        LIVE,
        /** A refresh token that was exchanged. */
        USED,
        /** Ended because a newer pair was issued. */
        SUPERSEDED,
        REVOKED
    }

    private static final class Issued {
        final String oaId;
        final Instant expiresAt;
        Status status = Status.LIVE;

        Issued(String oaId, Instant expiresAt) {
            this.oaId = oaId;
            this.expiresAt = expiresAt;
        }
    }

    private record Grant(String oaId, String challenge, String redirectUri, Instant expiresAt) {
    }

    private static final class Counts {
        long tokenRequests;
        long codeExchanges;
        long refreshes;
        long rotations;
        long rejectedRefreshTokens;
        long rejectedCodes;

        OAuthCounters snapshot() {
            return new OAuthCounters(tokenRequests, codeExchanges, refreshes, rotations, rejectedRefreshTokens,
                    rejectedCodes);
        }
    }

    /** Forgetting tokens that ended and expired long ago keeps a long demo's memory flat. */
    private static final int PRUNE_ABOVE = 10_000;

    private final String appId;
    private final String appSecret;
    private final Map<String, OfficialAccount> oas;
    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();

    private Duration accessTokenLifetime;
    private Duration refreshTokenLifetime;
    private final Set<OAuthQuirk> quirks = EnumSet.noneOf(OAuthQuirk.class);
    private final Map<String, TokenPair> current = new LinkedHashMap<>();
    private final Map<String, Issued> accessTokens = new HashMap<>();
    private final Map<String, Issued> refreshTokens = new HashMap<>();
    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, Counts> counts = new HashMap<>();
    /** Token requests that named no known OA: an unknown app, code or refresh token. */
    private final Counts unattributed = new Counts();

    ZaloOAuth(String appId, String appSecret, Map<String, OfficialAccount> oas, SandboxClock clock,
              Duration accessTokenLifetime, Duration refreshTokenLifetime, Set<OAuthQuirk> quirks) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.oas = oas;
        this.clock = clock;
        this.accessTokenLifetime = accessTokenLifetime;
        this.refreshTokenLifetime = refreshTokenLifetime;
        this.quirks.addAll(quirks);
        oas.keySet().forEach(id -> counts.put(id, new Counts()));
    }

    public String appId() {
        return appId;
    }

    /** The app's secret key: the {@code secret_key} header of token requests. */
    public String appSecret() {
        return appSecret;
    }

    /**
     * A fresh pair for the OA, as if its admin had just consented: the OA's previous pair ends. Lets a test or demo
     * seed a client without going through the consent page.
     */
    public synchronized TokenPair issueTokens(String oaId) {
        requireOa(oaId);
        return issue(oaId);
    }

    /** Ends the OA's pair: its access token gets -216, its refresh token -14014. Consent is needed again. */
    public synchronized void revokeTokens(String oaId) {
        requireOa(oaId);
        TokenPair pair = current.remove(oaId);
        if (pair != null) {
            end(pair, Status.REVOKED);
        }
    }

    /**
     * Ends the OA's access token now, as its 25 hours running out would: calls with it get -220 (expired), while its
     * refresh token still works once. Lets a demo or test make the token expire in the middle of a run.
     */
    public synchronized void expireAccessToken(String oaId) {
        requireOa(oaId);
        TokenPair pair = current.get(oaId);
        if (pair == null) {
            return;
        }
        Instant now = clock.now();
        accessTokens.put(pair.accessToken(), new Issued(oaId, now));
        current.put(oaId, new TokenPair(oaId, pair.accessToken(), pair.refreshToken(), now,
                pair.refreshTokenExpiresAt()));
    }

    /** The OA's live pair, if it has one. */
    public synchronized Optional<TokenPair> currentTokens(String oaId) {
        requireOa(oaId);
        return Optional.ofNullable(current.get(oaId));
    }

    /** The token endpoint's counters for one OA. */
    public synchronized OAuthCounters counters(String oaId) {
        requireOa(oaId);
        return counts.get(oaId).snapshot();
    }

    /** The token endpoint's counters for the whole app, including requests that named no known OA. */
    public synchronized OAuthCounters counters() {
        OAuthCounters total = unattributed.snapshot();
        for (Counts c : counts.values()) {
            total = total.plus(c.snapshot());
        }
        return total;
    }

    public synchronized Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /** How long access tokens issued from now on live, e.g. 2 minutes so that a demo sees one expire. */
    public synchronized void setAccessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = positive(lifetime, "accessTokenLifetime");
    }

    public synchronized Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    /** How long refresh tokens issued from now on live. */
    public synchronized void setRefreshTokenLifetime(Duration lifetime) {
        this.refreshTokenLifetime = positive(lifetime, "refreshTokenLifetime");
    }

    public synchronized Set<OAuthQuirk> quirks() {
        return quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    }

    public synchronized void enable(OAuthQuirk quirk) {
        quirks.add(Objects.requireNonNull(quirk));
    }

    public synchronized void disable(OAuthQuirk quirk) {
        quirks.remove(quirk);
    }

    synchronized boolean has(OAuthQuirk quirk) {
        return quirks.contains(quirk);
    }

    /** Codes handed out and not yet exchanged or expired. */
    public synchronized int pendingCodes() {
        Instant now = clock.now();
        codes.values().removeIf(g -> !now.isBefore(g.expiresAt()));
        return codes.size();
    }

    /**
     * The consent page: the OA's admin agrees at once.
     *
     * @param oaId the OA that consents; {@code null} for the default OA
     * @throws OAuthError for an unknown app, OA or a missing redirect URI
     */
    synchronized Consent authorize(String appId, String redirectUri, String codeChallenge, String oaId) {
        if (appId == null || !appId.equals(this.appId)) {
            throw new OAuthError(INVALID_APP_ID, "Invalid app id", "app_id is missing or not this app's id");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new OAuthError(0, "Invalid redirect uri", "redirect_uri is required");
        }
        String oa = oaId == null || oaId.isBlank() ? oas.keySet().iterator().next() : oaId.strip();
        if (!oas.containsKey(oa)) {
            throw new OAuthError(0, "Invalid oa id", "OA " + oa + " is not an OA of this sandbox");
        }
        String code = randomToken(32);
        codes.put(code, new Grant(oa, codeChallenge == null || codeChallenge.isBlank() ? null : codeChallenge,
                redirectUri, clock.now().plus(CODE_LIFETIME)));
        return new Consent(code, oa);
    }

    /** {@code POST /v4/oa/access_token}: the form fields and the {@code secret_key} header. */
    synchronized TokenAnswer token(Map<String, String> form, String secretKey) {
        String app = form.get("app_id");
        if (app == null || !app.equals(appId)) {
            unattributed.tokenRequests++;
            return failed(INVALID_APP_ID, "Invalid app id", "app_id is missing or not this app's id");
        }
        if (secretKey == null || !secretKey.equals(appSecret)) {
            unattributed.tokenRequests++;
            return failed(INVALID_SECRET_KEY, "Invalid secret key", "The secret_key header is missing or wrong");
        }
        String grantType = form.get("grant_type");
        if ("authorization_code".equals(grantType)) {
            return exchangeCode(form.get("code"), form.get("code_verifier"));
        }
        if ("refresh_token".equals(grantType)) {
            return refresh(form.get("refresh_token"));
        }
        unattributed.tokenRequests++;
        return failed(INVALID_GRANT_TYPE, "Invalid grant type",
                "grant_type must be authorization_code or refresh_token");
    }

    private TokenAnswer exchangeCode(String code, String verifier) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null) {
            unattributed.tokenRequests++;
            unattributed.rejectedCodes++;
            return failed(INVALID_CODE, "Invalid authorization code", "The code is unknown or was already used");
        }
        Counts c = counts.get(grant.oaId());
        c.tokenRequests++;
        if (!clock.now().isBefore(grant.expiresAt())) {
            c.rejectedCodes++;
            return failed(INVALID_CODE, "Invalid authorization code", "The code expired");
        }
        if (grant.challenge() != null && (verifier == null || !grant.challenge().equals(challengeOf(verifier)))) {
            c.rejectedCodes++;
            return failed(INVALID_CODE, "Invalid authorization code",
                    "The code_verifier does not match the code_challenge of the consent");
        }
        c.codeExchanges++;
        return new Granted(issue(grant.oaId()), accessTokenLifetime.toSeconds(), true);
    }

    private TokenAnswer refresh(String refreshToken) {
        Issued old = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (old == null) {
            unattributed.tokenRequests++;
            unattributed.rejectedRefreshTokens++;
            return failed(INVALID_REFRESH_TOKEN, "Invalid refresh token", "The refresh token is unknown");
        }
        Counts c = counts.get(old.oaId);
        c.tokenRequests++;
        if (old.status != Status.LIVE) {
            c.rejectedRefreshTokens++;
            if (old.status == Status.USED && quirks.contains(OAuthQuirk.EMPTY_BODY_FOR_USED_REFRESH_TOKEN)) {
                return new Empty();
            }
            return failed(INVALID_REFRESH_TOKEN, "Invalid refresh token", switch (old.status) {
                case USED -> "The refresh token was already used";
                case REVOKED -> "The refresh token was revoked";
                default -> "The refresh token was replaced by a newer one";
            });
        }
        if (!clock.now().isBefore(old.expiresAt)) {
            c.rejectedRefreshTokens++;
            return failed(INVALID_REFRESH_TOKEN, "Invalid refresh token", "The refresh token expired");
        }
        c.refreshes++;
        if (quirks.contains(OAuthQuirk.NO_REFRESH_TOKEN_ON_REFRESH)) {
            TokenPair pair = issueAccessOnly(old.oaId, refreshToken, old.expiresAt);
            return new Granted(pair, accessTokenLifetime.toSeconds(), false);
        }
        old.status = Status.USED;
        return new Granted(issue(old.oaId), accessTokenLifetime.toSeconds(), true);
    }

    /** Whether an OA API or ZNS call with this access token is let in, and for which OA. */
    synchronized AccessCheck checkAccessToken(String token) {
        if (token == null || token.isBlank()) {
            return new AccessCheck(AccessStatus.MISSING, null);
        }
        Issued i = accessTokens.get(token.strip());
        if (i == null) {
            return new AccessCheck(AccessStatus.UNKNOWN, null);
        }
        if (i.status != Status.LIVE) {
            return new AccessCheck(AccessStatus.DEAD, i.oaId);
        }
        if (!clock.now().isBefore(i.expiresAt)) {
            return new AccessCheck(AccessStatus.EXPIRED, i.oaId);
        }
        return new AccessCheck(AccessStatus.VALID, i.oaId);
    }

    /** The live pair of every OA that has one, by OA id, in the order the OAs were configured. */
    synchronized Map<String, Optional<TokenPair>> allCurrent() {
        Map<String, Optional<TokenPair>> all = new LinkedHashMap<>();
        oas.keySet().forEach(id -> all.put(id, Optional.ofNullable(current.get(id))));
        return all;
    }

    /** {@code code_challenge} for a {@code code_verifier}: base64url without padding of its SHA-256. */
    public static String challengeOf(String codeVerifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                TokenDigest.sha256(codeVerifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private TokenPair issue(String oaId) {
        Instant now = clock.now();
        TokenPair previous = current.get(oaId);
        if (previous != null) {
            end(previous, Status.SUPERSEDED);
        }
        TokenPair pair = new TokenPair(oaId, randomToken(48), randomToken(48), now.plus(accessTokenLifetime),
                now.plus(refreshTokenLifetime));
        accessTokens.put(pair.accessToken(), new Issued(oaId, pair.accessTokenExpiresAt()));
        refreshTokens.put(pair.refreshToken(), new Issued(oaId, pair.refreshTokenExpiresAt()));
        current.put(oaId, pair);
        counts.get(oaId).rotations++;
        prune(now);
        return pair;
    }

    /** A new access token beside a refresh token that stays valid (the quirk of a refresh answer without one). */
    private TokenPair issueAccessOnly(String oaId, String refreshToken, Instant refreshExpiry) {
        Instant now = clock.now();
        TokenPair previous = current.get(oaId);
        if (previous != null) {
            Issued access = accessTokens.get(previous.accessToken());
            if (access != null && access.status == Status.LIVE) {
                access.status = Status.SUPERSEDED;
            }
        }
        TokenPair pair = new TokenPair(oaId, randomToken(48), refreshToken, now.plus(accessTokenLifetime),
                refreshExpiry);
        accessTokens.put(pair.accessToken(), new Issued(oaId, pair.accessTokenExpiresAt()));
        current.put(oaId, pair);
        counts.get(oaId).rotations++;
        return pair;
    }

    private void end(TokenPair pair, Status status) {
        Issued access = accessTokens.get(pair.accessToken());
        if (access != null && access.status == Status.LIVE) {
            access.status = status;
        }
        Issued refresh = refreshTokens.get(pair.refreshToken());
        if (refresh != null && refresh.status == Status.LIVE) {
            refresh.status = status;
        }
    }

    private void prune(Instant now) {
        for (Map<String, Issued> tokens : List.of(accessTokens, refreshTokens)) {
            if (tokens.size() > PRUNE_ABOVE) {
                for (Iterator<Issued> it = tokens.values().iterator(); it.hasNext();) {
                    Issued i = it.next();
                    if (i.status != Status.LIVE && now.isAfter(i.expiresAt)) {
                        it.remove();
                    }
                }
            }
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Failed failed(int code, String name, String description) {
        return new Failed(new OAuthError(code, name, description));
    }

    private void requireOa(String oaId) {
        if (oaId == null || !oas.containsKey(oaId)) {
            throw new IllegalArgumentException("No OA " + oaId + " in this sandbox; its OAs are "
                                               + new ArrayList<>(oas.keySet()));
        }
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
