package io.github.camelzalo.component.zalo.model;

import java.util.Locale;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.UPLOAD_TYPE;

/**
 * What {@code zalo:upload} uploads, each to its own endpoint of the official Zalo API, with Zalo's size limit:
 * images (jpg, png, 1 MB) and GIFs (5 MB) give an attachment id for {@code sendImage}; files give a token for
 * {@code sendFile}. Zalo does not confirm a limit for files; the component applies 5 MB, as Zalo's clients do.
 */
public enum UploadType {
    image("image", 1024 * 1024),
    gif("gif", 5 * 1024 * 1024),
    file("file", 5 * 1024 * 1024);

    private final String pathSegment;
    private final int maxBytes;

    UploadType(String pathSegment, int maxBytes) {
        this.pathSegment = pathSegment;
        this.maxBytes = maxBytes;
    }

    public String pathSegment() {
        return pathSegment;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public static UploadType of(String name) {
        for (UploadType t : values()) {
            if (t.name().equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new ZaloValidationException(UPLOAD_TYPE, "must be image, gif or file");
    }

    /**
     * The type a content type or, without one, a file name calls for: {@code image/gif} or {@code .gif} is a GIF,
     * {@code image/jpeg}, {@code image/png}, {@code .jpg}, {@code .jpeg}, {@code .png} an image, anything else a file.
     * With neither, the first bytes decide ({@code format}: {@code jpeg}, {@code png}, {@code gif} or {@code null}).
     */
    public static UploadType guess(String contentType, String fileName, String format) {
        if (contentType != null && !contentType.isBlank()) {
            String ct = contentType.strip().toLowerCase(Locale.ROOT);
            int semicolon = ct.indexOf(';');
            if (semicolon >= 0) {
                ct = ct.substring(0, semicolon).strip();
            }
            if (ct.equals("image/gif")) {
                return gif;
            }
            if (ct.equals("image/jpeg") || ct.equals("image/jpg") || ct.equals("image/png")) {
                return image;
            }
            if (ct.startsWith("image/")) {
                throw new ZaloValidationException(UPLOAD_TYPE, "cannot be chosen for " + ct
                                                               + ": Zalo takes jpg and png images and gif");
            }
            return file;
        }
        if (fileName == null || fileName.isBlank()) {
            return "gif".equals(format) ? gif : "jpeg".equals(format) || "png".equals(format) ? image : file;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gif")) {
            return gif;
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png")) {
            return image;
        }
        return file;
    }
}
