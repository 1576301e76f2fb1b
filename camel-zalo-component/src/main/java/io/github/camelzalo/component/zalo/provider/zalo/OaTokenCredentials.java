package io.github.camelzalo.component.zalo.provider.zalo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelzalo.component.zalo.auth.AccessToken;
import io.github.camelzalo.component.zalo.auth.ZaloTokenManager;
import io.github.camelzalo.component.zalo.provider.CallCredentials;
import io.github.camelzalo.component.zalo.provider.Credential;

/**
 * The OA's access token in an {@code access_token} header (the official API takes no Bearer), and optionally
 * {@code appsecret_proof}: the hex HMAC-SHA256 of the token with the app secret as key.
 */
public final class OaTokenCredentials implements CallCredentials {

    private final Supplier<ZaloTokenManager> tokens;
    private final String appSecret;
    private final boolean appSecretProof;
    private final Map<String, Credential> lastIssued = new ConcurrentHashMap<>();

    /**
     * @param tokens the manager of the app's tokens, looked up per call (the component creates it when it starts)
     */
    public OaTokenCredentials(Supplier<ZaloTokenManager> tokens, String appSecret, boolean appSecretProof) {
        this.tokens = tokens;
        this.appSecret = appSecret;
        this.appSecretProof = appSecretProof;
    }

    /** The credential of the token in hand, kept per OA so that the usual call allocates nothing. */
    @Override
    public Credential now(String oaId) {
        AccessToken token = tokens.get().readyToken(oaId);
        if (token == null) {
            return null;
        }
        Credential last = lastIssued.get(oaId);
        if (last != null && last.token() == token) {
            return last;
        }
        Credential c = credentialOf(token);
        lastIssued.put(oaId, c);
        return c;
    }

    @Override
    public CompletableFuture<Credential> credential(String oaId) {
        return tokens.get().accessToken(oaId).thenApply(this::credentialOf);
    }

    @Override
    public CompletableFuture<Credential> rejected(Credential used) {
        return tokens.get().rejected(used.token()).thenApply(this::credentialOf);
    }

    private Credential credentialOf(AccessToken token) {
        Map<String, String> headers = appSecretProof
                ? Map.of("access_token", token.value(), "appsecret_proof", proof(token.value()))
                : Map.of("access_token", token.value());
        return new Credential(headers, token);
    }

    String proof(String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "OaTokenCredentials[access_token" + (appSecretProof ? ", appsecret_proof" : "") + "]";
    }
}
