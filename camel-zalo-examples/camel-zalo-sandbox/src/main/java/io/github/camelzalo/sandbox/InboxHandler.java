package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * The web inbox: {@code GET /} (also {@code /inbox}) is one page, with its script and style at {@code /inbox/app.js}
 * and {@code /inbox/app.css}, all from the sandbox's own jar: no build tool, font, script or image from elsewhere.
 * The page reads {@code GET /sandbox/state} every second and acts through the sandbox's admin endpoints.
 */
final class InboxHandler {

    static final String RESOURCES = "/io/github/camelzalo/sandbox/inbox/";
    /** The page may use its own script, style and data, and nothing else (no inline script, no other host). */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                                         + " img-src 'self' data:; base-uri 'none'; form-action 'none';"
                                         + " frame-ancestors 'none'";
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] { "index.html", "text/html; charset=utf-8" },
            "/inbox", new String[] { "index.html", "text/html; charset=utf-8" },
            "/inbox/", new String[] { "index.html", "text/html; charset=utf-8" },
            "/inbox/app.js", new String[] { "app.js", "text/javascript; charset=utf-8" },
            "/inbox/app.css", new String[] { "app.css", "text/css; charset=utf-8" });

    private final Map<String, byte[]> content = new java.util.HashMap<>();

    InboxHandler() {
        for (Map.Entry<String, String[]> f : FILES.entrySet()) {
            content.put(f.getKey(), read(f.getValue()[0]));
        }
    }

    static boolean matches(String path) {
        return FILES.containsKey(path);
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            HttpIo.sendRaw(exchange, 405, "text/plain; charset=utf-8", "Only GET".getBytes(), "Allow", "GET");
            return;
        }
        String[] file = FILES.get(path);
        HttpIo.sendRaw(exchange, 200, file[1], content.get(path), "Cache-Control", "no-store",
                "Content-Security-Policy", POLICY, "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
    }

    private static byte[] read(String name) {
        try (InputStream in = InboxHandler.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("The sandbox's jar lacks the inbox file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
