package io.github.camelzalo.component.zalo.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;

/**
 * Reads the body of a webhook request as the bytes received, at most {@code max}: a longer body is given up on as
 * soon as one byte more has arrived. Runtimes whose server hands the body over as a stream (Spring Boot) are read no
 * further than that; vert.x (Camel Main) reads the whole body before the consumer sees it, up to the server's own
 * {@code camel.server.maxBodySize}.
 */
final class RequestBody {

    /** The body is longer than allowed. */
    static final byte[] TOO_LARGE = new byte[0];

    private RequestBody() {
    }

    /**
     * @return the bytes, {@link #TOO_LARGE}, or an empty array for no body
     */
    static byte[] read(Exchange http, int max) throws IOException {
        Long declared = http.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > max) {
            return TOO_LARGE;
        }
        // the servlet binding would otherwise copy the whole stream into a cache before handing it over
        http.setProperty(Exchange.DISABLE_HTTP_STREAM_CACHE, true);
        Object body = http.getMessage().getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes.length > max ? TOO_LARGE : bytes;
        }
        InputStream in = body instanceof InputStream s ? s : http.getMessage().getBody(InputStream.class);
        if (in == null) {
            byte[] bytes = http.getMessage().getBody(byte[].class);
            return bytes == null ? new byte[0] : bytes.length > max ? TOO_LARGE : bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max + 1, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer, 0, Math.min(buffer.length, max + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
            if (total > max) {
                return TOO_LARGE;
            }
        }
        return out.toByteArray();
    }
}
