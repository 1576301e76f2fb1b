package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The OAs' uploads, kept {@code retention} (7 days) on the sandbox clock. Thread-safe. */
public final class ZaloUploads {

    static final String IMAGE = "image";
    static final String GIF = "gif";
    static final String FILE = "file";

    private final SandboxClock clock;
    private final Duration retention;
    private final Map<String, ZaloUpload> uploads = new LinkedHashMap<>();

    ZaloUploads(SandboxClock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    synchronized ZaloUpload add(String kind, String oaId, String fileName, String contentType, long size,
                                String sha256) {
        Instant now = clock.now();
        String id = UUID.randomUUID().toString().replace("-", "");
        ZaloUpload u = new ZaloUpload(id, kind, oaId, fileName, contentType, size, sha256, now, now.plus(retention));
        uploads.put(id, u);
        return u;
    }

    /**
     * The upload an OA's message names.
     *
     * @param  field   the request field, for the error message
     * @throws Refusal -201 when the id is unknown, another OA's or of another kind; -100 when it expired
     */
    synchronized ZaloUpload resolve(String oaId, String id, Set<String> kinds, String field) {
        ZaloUpload u = uploads.get(id);
        if (u == null || !u.oaId().equals(oaId) || !kinds.contains(u.kind())) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -201, field + " is invalid: no " + String.join(" or ", kinds)
                                                           + " upload of this OA has this id");
        }
        if (!clock.now().isBefore(u.expiresAt())) {
            throw Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -100, field + " has expired: uploads are kept "
                                                               + retention.toDays() + " days");
        }
        return u;
    }

    /** Every upload, oldest first. */
    public synchronized List<ZaloUpload> all() {
        return new ArrayList<>(uploads.values());
    }

    public Duration retention() {
        return retention;
    }
}
