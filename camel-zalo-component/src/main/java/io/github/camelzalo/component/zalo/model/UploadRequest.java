package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.UPLOAD_TYPE;

/**
 * A file to upload to the official Zalo API with {@code zalo:upload}. Checked before anything is sent: the size
 * against Zalo's limit for its type, and an image's or GIF's first bytes against the format it claims to be.
 */
public final class UploadRequest {

    static final int MAX_FILE_NAME_LENGTH = 255;

    private final UploadType type;
    private final String fileName;
    private final String contentType;
    private final byte[] content;
    private final String oaId;

    private UploadRequest(Builder b) {
        if (b.content == null) {
            throw new ZaloValidationException("body", "is required: the bytes to upload (byte[], File, Path or"
                                                      + " InputStream)");
        }
        if (b.content.length == 0) {
            throw new ZaloValidationException("body", "is empty: there is nothing to upload");
        }
        this.type = b.type != null ? b.type : UploadType.guess(b.contentType, b.fileName, formatOf(b.content));
        if (b.content.length > type.maxBytes()) {
            throw new ZaloValidationException("body", "has " + b.content.length + " bytes, more than the "
                                                      + type.maxBytes() + " Zalo takes in an upload of type " + type);
        }
        String expected = formatOf(b.content);
        if (type == UploadType.image && !("jpeg".equals(expected) || "png".equals(expected))) {
            throw new ZaloValidationException("body", "is not a jpg or png image" + (expected != null ? " (it is a "
                                                      + expected + ")" : "") + "; set " + UPLOAD_TYPE
                                                      + " to upload it as a file");
        }
        if (type == UploadType.gif && !"gif".equals(expected)) {
            throw new ZaloValidationException("body", "is not a GIF image");
        }
        this.fileName = fileName(b.fileName, type, expected);
        this.contentType = b.contentType != null && !b.contentType.isBlank() ? b.contentType.strip()
                : defaultContentType(type, expected);
        if (this.contentType.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new ZaloValidationException("Content-Type", "must be printable ASCII");
        }
        this.content = b.content;
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The format the first bytes announce: {@code jpeg}, {@code png}, {@code gif}, or {@code null}. */
    static String formatOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "gif";
        }
        return null;
    }

    private static String fileName(String given, UploadType type, String format) {
        if (given != null && !given.isBlank()) {
            String name = given.strip();
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            name = name.substring(slash + 1);
            if (name.isEmpty() || name.length() > MAX_FILE_NAME_LENGTH
                || name.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '"')) {
                throw new ZaloValidationException("CamelFileName", "must be a file name of at most "
                                                                   + MAX_FILE_NAME_LENGTH
                                                                   + " characters without quotes or control"
                                                                   + " characters");
            }
            return name;
        }
        return switch (type) {
            case image -> "png".equals(format) ? "image.png" : "image.jpg";
            case gif -> "image.gif";
            case file -> "file";
        };
    }

    private static String defaultContentType(UploadType type, String format) {
        return switch (type) {
            case image -> "png".equals(format) ? "image/png" : "image/jpeg";
            case gif -> "image/gif";
            case file -> "application/octet-stream";
        };
    }

    public UploadType getType() {
        return type;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    /** The bytes; not copied, do not change them. */
    public byte[] getContent() {
        return content;
    }

    public String getOaId() {
        return oaId;
    }

    public UploadRequest withDefaultOaId(String defaultOaId) {
        if (oaId != null || defaultOaId == null) {
            return this;
        }
        return builder().type(type).fileName(fileName).contentType(contentType).content(content).oaId(defaultOaId)
                .build();
    }

    @Override
    public String toString() {
        return "UploadRequest[" + type + ", " + content.length + " bytes, " + contentType + ", oaId=" + oaId + "]";
    }

    public static final class Builder {
        private UploadType type;
        private String fileName;
        private String contentType;
        private byte[] content;
        private String oaId;

        /** Chosen from the content type or the file name when not set. */
        public Builder type(UploadType type) {
            this.type = type;
            return this;
        }

        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder content(byte[] content) {
            this.content = content;
            return this;
        }

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        public UploadRequest build() {
            return new UploadRequest(this);
        }
    }
}
