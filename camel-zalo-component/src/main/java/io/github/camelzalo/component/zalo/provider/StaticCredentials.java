package io.github.camelzalo.component.zalo.provider;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A fixed API key in fixed headers, as CareSoft and eTelecom take it. */
public final class StaticCredentials implements CallCredentials {

    private final Credential credential;
    private final CompletableFuture<Credential> ready;

    public StaticCredentials(Map<String, String> headers) {
        this.credential = new Credential(Map.copyOf(headers), null);
        this.ready = CompletableFuture.completedFuture(credential);
    }

    @Override
    public Credential now(String oaId) {
        return credential;
    }

    @Override
    public CompletableFuture<Credential> credential(String oaId) {
        return ready;
    }

    @Override
    public CompletableFuture<Credential> rejected(Credential used) {
        return null;
    }

    @Override
    public String toString() {
        return "StaticCredentials" + credential.headers().keySet();
    }
}
