package io.github.camelzalo.demo.consent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelzalo.component.zalo.auth.FileTokenStore;
import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consent command against the sandbox's OAuth v4: the admin's browser is an HTTP client that follows Zalo's
 * redirect to the command's callback.
 */
class ConsentCommandTest {

    @TempDir
    Path tokens;

    @Test
    void theFirstTokensAreSavedWhereTheComponentReadsThemAndNotPrinted() throws Exception {
        try (ZaloSandbox sandbox = ZaloSandbox.builder().port(0).sampleData().build().start()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ConsentCommand.Options options = ConsentCommand.Options.parse(new String[] {
                "--app-id=" + sandbox.appId(), "--oauth-base-url=" + sandbox.zaloOauthBaseUrl(),
                "--token-directory=" + tokens, "--port=0", "--wait=1" },
                    Map.of("ZALO_APP_SECRET", sandbox.appSecret()));
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            CompletableFuture<HttpResponse<String>> page = new CompletableFuture<>();

            StoredTokens saved = new ConsentCommand(options, new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(url -> browser.sendAsync(HttpRequest.newBuilder(url).build(),
                            HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                                if (e != null) {
                                    page.completeExceptionally(e);
                                } else {
                                    page.complete(r);
                                }
                            }));

            String oaId = sandbox.oaId();
            StoredTokens onDisk = new FileTokenStore(tokens).load(sandbox.appId(), oaId);
            assertThat(onDisk.version()).isEqualTo(saved.version()).isEqualTo(1);
            // the pair is the sandbox's live one: the consent made it
            assertThat(sandbox.oauth().currentTokens(oaId)).hasValueSatisfying(live -> {
                assertThat(onDisk.tokens().getAccessToken()).isEqualTo(live.accessToken());
                assertThat(onDisk.tokens().getRefreshToken()).isEqualTo(live.refreshToken());
            });
            assertThat(page.get().statusCode()).isEqualTo(200);
            assertThat(page.get().body()).contains("OA " + oaId);
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains(sandbox.zaloOauthBaseUrl() + "/v4/oa/permission?", "code_challenge=",
                    "Saved the tokens of OA " + oaId)
                    .doesNotContain(onDisk.tokens().getAccessToken(), onDisk.tokens().getRefreshToken(),
                            sandbox.appSecret());
        }
    }

    @Test
    void aMissingSecretIsRefusedWithTheHelp() {
        assertThatThrownBy(() -> ConsentCommand.Options.parse(new String[] { "--app-id=1" }, Map.of()))
                .hasMessageContaining("--app-secret (or ZALO_APP_SECRET) is required");
        assertThat(ConsentCommand.Options.HELP).contains("--app-id", "--token-directory", "--print-refresh-token");
    }

    @Test
    void anAnswerWithAnotherStateIsNotTaken() throws Exception {
        try (ZaloSandbox sandbox = ZaloSandbox.builder().port(0).sampleData().build().start()) {
            ConsentCommand.Options options = ConsentCommand.Options.parse(new String[] {
                "--app-id=" + sandbox.appId(), "--oauth-base-url=" + sandbox.zaloOauthBaseUrl(),
                "--token-directory=" + tokens, "--port=0", "--wait=1" },
                    Map.of("ZALO_APP_SECRET", sandbox.appSecret()));
            HttpClient browser = HttpClient.newHttpClient();
            CompletableFuture<Integer> forged = new CompletableFuture<>();
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                try {
                    new ConsentCommand(options, new PrintStream(new ByteArrayOutputStream(), true,
                            StandardCharsets.UTF_8)).run(url -> {
                                String callback = "http://localhost:" + port(url) + "/callback?code=x&oa_id=1&state=forged";
                                forged.complete(status(browser, callback));
                                // then the real consent, so that the command ends
                                status(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(),
                                        url.toString());
                            });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            done.get();
            assertThat(forged.get()).isEqualTo(400);
        }
    }

    private static int port(URI consentUrl) {
        String q = consentUrl.getRawQuery();
        String redirect = java.net.URLDecoder.decode(q.substring(q.indexOf("redirect_uri=") + 13).split("&")[0],
                StandardCharsets.UTF_8);
        return URI.create(redirect).getPort();
    }

    private static int status(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
