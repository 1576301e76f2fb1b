package io.github.camelzalo.component.zalo.binding;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.UploadRequest;
import io.github.camelzalo.component.zalo.model.UploadResult;
import io.github.camelzalo.component.zalo.model.UploadType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:upload}: the body's bytes (a {@code byte[]}, {@code File}, {@code Path}, {@code InputStream}, or
 * anything Camel converts to a stream, such as a file from {@code from("file:…")}), named by {@code CamelFileName},
 * typed by {@code Content-Type} or {@code CamelZaloUploadType}. Never reads more than the largest upload Zalo
 * takes. Sets {@code CamelZaloAttachmentId} (and {@code CamelZaloMediaType} for a GIF) or
 * {@code CamelZaloFileToken}, so {@code upload → sendImage} or {@code upload → sendFile} needs nothing between.
 */
public final class UploadBinding implements OperationBinding<UploadRequest, UploadResult> {

    @Override
    public UploadRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        Object body = m.getBody();
        String oaId = OaValues.oaId(m, endpoint);
        if (body instanceof UploadRequest request) {
            UploadRequest r = request.withDefaultOaId(oaId);
            OaValues.requireOaId(r.getOaId());
            return r;
        }
        String typeName = ExchangeValues.text(m, ZaloConstants.UPLOAD_TYPE);
        UploadType type = typeName == null ? null : UploadType.of(typeName);
        String fileName = ExchangeValues.text(m, Exchange.FILE_NAME);
        if (fileName == null && body instanceof File f) {
            fileName = f.getName();
        } else if (fileName == null && body instanceof Path p && p.getFileName() != null) {
            fileName = p.getFileName().toString();
        }
        UploadRequest r = UploadRequest.builder()
                .type(type)
                .fileName(fileName)
                .contentType(ExchangeValues.text(m, Exchange.CONTENT_TYPE))
                .content(bytes(exchange, body))
                .oaId(oaId)
                .build();
        OaValues.requireOaId(r.getOaId());
        return r;
    }

    /** The body's bytes, reading at most one byte more than the largest upload, so that too large is told. */
    private static byte[] bytes(Exchange exchange, Object body) {
        int limit = UploadType.gif.maxBytes() + 1;
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof CharSequence) {
            throw new ZaloValidationException("body", "is text: give the bytes to upload (byte[], File, Path or"
                                                      + " InputStream), not a String");
        }
        try {
            if (body instanceof File f) {
                return read(Files.newInputStream(f.toPath()), limit);
            }
            if (body instanceof Path p) {
                return read(Files.newInputStream(p), limit);
            }
            InputStream in = body instanceof InputStream s ? s
                    : exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
            if (in == null) {
                throw new ZaloValidationException("body", "must be the bytes to upload (byte[], File, Path or"
                                                          + " InputStream), but was a " + body.getClass().getName());
            }
            return read(in, limit);
        } catch (IOException e) {
            throw new ZaloValidationException("body", "could not be read: " + e.getMessage());
        }
    }

    private static byte[] read(InputStream in, int limit) throws IOException {
        try (InputStream s = in) {
            return s.readNBytes(limit);
        }
    }

    @Override
    public void write(Exchange exchange, UploadResult result) {
        Message m = exchange.getMessage();
        m.setBody(result);
        if (result.getType() == UploadType.file) {
            m.setHeader(ZaloConstants.FILE_TOKEN, result.getToken());
        } else {
            m.setHeader(ZaloConstants.ATTACHMENT_ID, result.getAttachmentId());
            m.setHeader(ZaloConstants.MEDIA_TYPE, result.getType() == UploadType.gif ? "gif" : "image");
            // the uploaded image is what sendImage sends next, not a URL an earlier step may have set
            m.removeHeader(ZaloConstants.IMAGE_URL);
        }
    }
}
