package io.github.camelzalo.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its parts: enough of RFC 7578 for an upload client. */
final class Multipart {

    record Part(String name, String fileName, String contentType, byte[] data) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

    private Multipart() {
    }

    /** The boundary of a {@code multipart/form-data} content type, or empty when it is not one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(2) != null ? m.group(2) : m.group(3)) : Optional.empty();
    }

    /** @throws IllegalArgumentException when the body is not well-formed multipart */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("the body has no part");
        }
        while (true) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                return parts; // the closing delimiter
            }
            int headersStart = skipLine(body, lineEnd);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersStart < 0 || headersEnd < 0) {
                throw new IllegalArgumentException("a part has no headers");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int dataStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), dataStart);
            if (next < 0) {
                throw new IllegalArgumentException("a part is not closed by the boundary");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, dataStart, next)));
            at = next + 2;
        }
    }

    private static Part part(String headers, byte[] data) {
        String name = null;
        String fileName = null;
        String contentType = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (header.equals("content-disposition")) {
                Matcher n = NAME.matcher(";" + value);
                name = n.find() ? n.group(1) : null;
                Matcher f = FILE_NAME.matcher(value);
                fileName = f.find() ? f.group(1) : null;
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        return new Part(name, fileName, contentType, data);
    }

    private static int skipLine(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i + 2;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        if (from < 0) {
            return -1;
        }
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
