package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /v2.0/oa/upload/{image|gif|file}}: one multipart part named {@code file}. Images are JPG or PNG up to
 * 1 MB, GIFs up to 5 MB, files PDF, DOC or DOCX up to 5 MB (the type is read from the bytes, and a file name, when
 * given, must agree). Too large: -210; missing, empty or of the wrong type: -201. Answers {@code data.attachment_id}
 * (image, GIF) or {@code data.token} (file), usable for {@link ZaloUploads#retention() 7 days}.
 */
final class OaUploader {

    static final int MB = 1024 * 1024;
    /** What the sandbox reads of an upload request at most: the largest file plus room for the multipart. */
    static final int MAX_REQUEST = 5 * MB + 64 * 1024;

    private final ZaloUploads uploads;

    OaUploader(ZaloUploads uploads) {
        this.uploads = uploads;
    }

    OpenApiHandler.Endpoint endpoint(String kind) {
        return (exchange, oa) -> upload(kind, exchange, oa);
    }

    private ObjectNode upload(String kind, HttpExchange exchange, OfficialAccount oa) throws IOException {
        int limit = kind.equals(ZaloUploads.IMAGE) ? MB : 5 * MB;
        Optional<String> boundary = Multipart.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (boundary.isEmpty()) {
            HttpIo.drain(exchange);
            throw OaMessageParser.invalid("the upload must be multipart/form-data with a part named file");
        }
        byte[] body = HttpIo.body(exchange, MAX_REQUEST);
        if (body == null) {
            throw tooLarge(kind, limit);
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(body, boundary.get());
        } catch (IllegalArgumentException e) {
            throw OaMessageParser.invalid("the multipart body is malformed: " + e.getMessage());
        }
        Multipart.Part file = parts.stream().filter(p -> "file".equals(p.name())).findFirst()
                .orElseThrow(() -> OaMessageParser.invalid("file is required: a multipart part named file"));
        if (file.data().length == 0) {
            throw OaMessageParser.invalid("file is empty");
        }
        if (file.data().length > limit) {
            throw tooLarge(kind, limit);
        }
        checkType(kind, file);
        ZaloUpload u = uploads.add(kind, oa.oaId(), file.fileName(), file.contentType(), file.data().length,
                HexFormat.of().formatHex(TokenDigest.sha256(file.data())));
        ObjectNode data = SandboxJson.object();
        data.put(kind.equals(ZaloUploads.FILE) ? "token" : "attachment_id", u.id());
        return data;
    }

    private static void checkType(String kind, Multipart.Part file) {
        byte[] d = file.data();
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        switch (kind) {
            case ZaloUploads.IMAGE -> {
                boolean png = starts(d, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
                boolean jpg = starts(d, 0xFF, 0xD8, 0xFF);
                if (!png && !jpg || !extension.isEmpty() && !List.of("png", "jpg", "jpeg").contains(extension)) {
                    throw OaMessageParser.invalid("file must be a JPG or PNG image");
                }
            }
            case ZaloUploads.GIF -> {
                if (!starts(d, 'G', 'I', 'F', '8') || !extension.isEmpty() && !extension.equals("gif")) {
                    throw OaMessageParser.invalid("file must be a GIF image");
                }
            }
            default -> {
                String found = starts(d, '%', 'P', 'D', 'F', '-') ? "pdf"
                        : starts(d, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) ? "doc"
                        : starts(d, 'P', 'K', 0x03, 0x04) ? "docx" : null;
                if (found == null || !extension.isEmpty() && !extension.equals(found)) {
                    throw OaMessageParser.invalid("file must be a PDF, DOC or DOCX document");
                }
            }
        }
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Refusal tooLarge(String kind, int limit) {
        return Refusal.zalo(Refusal.Kind.INVALID, -210, "file exceeds the limit of " + limit / MB + " MB for "
                                                        + (kind.equals(ZaloUploads.IMAGE) ? "an image"
                                                                : kind.equals(ZaloUploads.GIF) ? "a GIF" : "a file"));
    }
}
