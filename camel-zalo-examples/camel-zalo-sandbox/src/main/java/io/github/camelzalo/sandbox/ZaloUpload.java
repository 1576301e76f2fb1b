package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * A file an OA uploaded through {@code /v2.0/oa/upload/{image|gif|file}}. The bytes are not kept, only what a
 * message that uses it needs.
 *
 * @param id          the {@code attachment_id} (image, GIF) or {@code token} (file) the upload answered
 * @param kind        {@code image}, {@code gif} or {@code file}
 * @param oaId        the OA whose access token uploaded it; only that OA can send it
 * @param fileName    the part's file name, or {@code null}
 * @param contentType the part's content type, or {@code null}
 * @param size        bytes
 * @param sha256      hex SHA-256 of the bytes
 * @param uploadedAt  by the sandbox clock
 * @param expiresAt   after this a message using it gets -100
 */
public record ZaloUpload(String id, String kind, String oaId, String fileName, String contentType, long size,
        String sha256, Instant uploadedAt, Instant expiresAt) {
}
