package io.github.camelzalo.demo.consent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.camelzalo.component.zalo.auth.FileTokenStore;
import io.github.camelzalo.component.zalo.auth.Pkce;
import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.component.zalo.auth.TokenDigests;
import io.github.camelzalo.component.zalo.auth.TokenGrant;
import io.github.camelzalo.component.zalo.auth.TokenStoreConflictException;
import io.github.camelzalo.component.zalo.auth.ZaloOAuthClient;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;
import io.github.camelzalo.component.zalo.transport.HttpClients;
import io.github.camelzalo.component.zalo.transport.ZaloHttpTransport;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * Gets an OA's first tokens, once, the way Zalo's OAuth v4 wants it: prints the consent URL (with a fresh PKCE
 * challenge) for the OA's admin to open, receives Zalo's redirect with the code on a local callback, exchanges the
 * code with the verifier, and saves the pair in the token store the component reads (the default file store in
 * {@code ~/.camel-zalo/tokens}, or {@code --token-directory}). The tokens are never printed unless
 * {@code --print-refresh-token} asks for the refresh token (to configure {@code zalo.refreshToken} elsewhere).
 *
 * <pre>
 * ZALO_APP_SECRET=… mvn -q -pl camel-zalo-examples/camel-zalo-demo exec:java \
 *     -Dexec.mainClass=io.github.camelzalo.demo.consent.ConsentCommand -Dexec.args="--app-id=4318…"
 * </pre>
 */
public final class ConsentCommand {

    static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

    private final Options options;
    private final PrintStream out;

    ConsentCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(Options.HELP);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.HELP);
            return;
        }
        try {
            new ConsentCommand(options, System.out).run(url -> {
            });
        } catch (ConsentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs the consent: {@code browser} is handed the consent URL once it is printed (a test follows it; a person
     * opens it themselves).
     *
     * @return what was saved
     */
    StoredTokens run(java.util.function.Consumer<URI> browser) throws Exception {
        Pkce pkce = Pkce.create();
        String state = random();
        CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();
        HttpServer callback = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port), 0);
        callback.createContext(options.callbackPath(), exchange -> receive(exchange, state, redirect));
        callback.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CloseableHttpAsyncClient client = HttpClients.create(4, 1, null, timer);
        client.start();
        try {
            String redirectUri = options.redirectUri(callback.getAddress().getPort());
            ZaloHttpTransport transport = new ZaloHttpTransport(client, timer, 64 * 1024);
            ZaloOAuthClient oauth = new ZaloOAuthClient(options.oauthBaseUrl, options.appId, options.appSecret,
                    transport::execute, Duration.ofSeconds(10), Duration.ofSeconds(30));
            URI consent = oauth.consentUrl(redirectUri, pkce.challenge(), state);
            out.println("Open this page as an admin of the OA, and allow app " + options.appId + " to act for it:");
            out.println();
            out.println("    " + consent);
            out.println();
            out.println("Zalo then sends the browser to " + redirectUri + ", which this command is waiting on (the"
                        + " app's callback URL in Zalo's developer console must be that address). Waiting up to "
                        + options.wait.toMinutes() + " minutes.");
            browser.accept(consent);

            Map<String, String> answer = redirect.get(options.wait.toMillis(), TimeUnit.MILLISECONDS);
            String oaId = answer.get("oa_id");
            TokenGrant grant = oauth.exchangeCode(answer.get("code"), pkce.verifier()).get(60, TimeUnit.SECONDS);
            Instant now = Instant.now();
            ZaloTokens tokens = new ZaloTokens(grant.accessToken(), grant.refreshToken(),
                    now.plus(grant.expiresIn()), grant.refreshToken() == null ? null : now.plus(Duration.ofDays(90)),
                    now, null);
            ZaloTokenStore store = new FileTokenStore(options.tokenDirectory);
            StoredTokens saved = save(store, options.appId, oaId, tokens);
            out.println("Saved the tokens of OA " + oaId + " for app " + options.appId + " in " + store
                        + " (version " + saved.version() + "): the access token works until "
                        + tokens.getAccessTokenExpiresAt() + ", the component refreshes it from then on.");
            if (options.printRefreshToken && grant.refreshToken() != null) {
                out.println("Refresh token (works once; the component will spend it if you configure it as"
                            + " zalo.refreshToken): " + grant.refreshToken());
            } else {
                out.println("Refresh token " + TokenDigests.shortDigest(grant.refreshToken())
                            + " (not shown; --print-refresh-token shows it)");
            }
            return saved;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ConsentException("No answer from Zalo within " + options.wait.toMinutes() + " minutes");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ConsentException("The consent failed: " + (cause != null ? cause.getMessage() : e.getMessage()));
        } finally {
            callback.stop(0);
            client.close(CloseMode.GRACEFUL);
            timer.shutdownNow();
        }
    }

    /** Saves over whatever the store holds for the OA: a consent starts a new chain of tokens. */
    private static StoredTokens save(ZaloTokenStore store, String appId, String oaId, ZaloTokens tokens) {
        for (int attempt = 0; attempt < 3; attempt++) {
            StoredTokens current = store.load(appId, oaId);
            try {
                long version = store.save(appId, oaId, tokens, current == null ? 0 : current.version());
                return new StoredTokens(tokens, version);
            } catch (TokenStoreConflictException e) {
                // someone saved meanwhile: read again
            }
        }
        throw new ConsentException("The token store kept changing; nothing was saved");
    }

    private void receive(HttpExchange exchange, String state, CompletableFuture<Map<String, String>> redirect)
            throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String page;
        int status;
        if (!state.equals(query.get("state"))) {
            // not the answer to our consent URL: a stale tab, or someone else's request
            status = 400;
            page = "This is not the answer to the consent this command asked for.";
        } else if (query.get("code") == null || query.get("oa_id") == null) {
            status = 400;
            page = "Zalo sent no code: the consent was refused or cancelled.";
            redirect.completeExceptionally(new ConsentException("Zalo sent no code: the consent was refused"));
        } else {
            status = 200;
            page = "Done: the app may now act for OA " + escape(query.get("oa_id")) + ". You can close this page.";
            redirect.complete(query);
        }
        byte[] body = ("<!doctype html><meta charset=utf-8><title>camel-zalo</title><p>" + page)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String random() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static final class ConsentException extends RuntimeException {
        ConsentException(String message) {
            super(message);
        }
    }

    /** The command line: flags, then environment variables for the secret. */
    static final class Options {
        static final String HELP = """
                Gets an OA's first Zalo tokens and saves them where camel-zalo reads them.

                  --app-id=ID               the Zalo app's id (or ZALO_APP_ID)
                  --app-secret=SECRET       the app's secret key (better: ZALO_APP_SECRET, kept out of shell history)
                  --token-directory=DIR     the file token store's directory (default ~/.camel-zalo/tokens)
                  --oauth-base-url=URL      Zalo's OAuth host (default https://oauth.zaloapp.com; a sandbox's for tests)
                  --port=N                  the local callback's port (default 8765; 0 picks a free one)
                  --redirect-uri=URL        the callback URL registered for the app (default http://localhost:N/callback)
                  --wait=MINUTES            how long to wait for the admin (default 10)
                  --print-refresh-token     also print the refresh token (it is a secret, and works once)
                  --help                    this text
                """;

        String appId;
        String appSecret;
        Path tokenDirectory = FileTokenStore.DEFAULT_DIRECTORY;
        String oauthBaseUrl = "https://oauth.zaloapp.com";
        int port = 8765;
        String redirectUri;
        Duration wait = DEFAULT_WAIT;
        boolean printRefreshToken;
        boolean help;

        static Options parse(String[] args, Map<String, String> env) {
            Options o = new Options();
            o.appId = env.get("ZALO_APP_ID");
            o.appSecret = env.get("ZALO_APP_SECRET");
            for (String a : args) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                switch (name) {
                    case "--app-id" -> o.appId = value;
                    case "--app-secret" -> o.appSecret = value;
                    case "--token-directory" -> o.tokenDirectory = Path.of(value);
                    case "--oauth-base-url" -> o.oauthBaseUrl = value;
                    case "--port" -> o.port = Integer.parseInt(value);
                    case "--redirect-uri" -> o.redirectUri = value;
                    case "--wait" -> o.wait = Duration.ofMinutes(Long.parseLong(value));
                    case "--print-refresh-token" -> o.printRefreshToken = true;
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            if (!o.help && (o.appId == null || o.appId.isBlank())) {
                throw new IllegalArgumentException("--app-id (or ZALO_APP_ID) is required");
            }
            if (!o.help && (o.appSecret == null || o.appSecret.isBlank())) {
                throw new IllegalArgumentException("--app-secret (or ZALO_APP_SECRET) is required");
            }
            return o;
        }

        String redirectUri(int actualPort) {
            return redirectUri != null ? redirectUri : "http://localhost:" + actualPort + "/callback";
        }

        String callbackPath() {
            return redirectUri != null ? URI.create(redirectUri).getPath() : "/callback";
        }
    }
}
