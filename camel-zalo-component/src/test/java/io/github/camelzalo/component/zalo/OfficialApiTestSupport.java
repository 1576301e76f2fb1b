package io.github.camelzalo.component.zalo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.github.camelzalo.component.zalo.auth.FileTokenStore;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The zalo component pointed at WireMock as the official Zalo API's three hosts ({@code /oauth},
 * {@code /openapi}, {@code /business}), with a file token store in a fresh directory and the default OA seeded by a
 * configured refresh token. The tests' secrets have the shape {@link LogSecrets} looks for in the logs.
 */
public abstract class OfficialApiTestSupport extends ZaloTestSupport {

    protected static final String APP_ID = "4318000000000000001";
    protected static final String APP_SECRET = "zalo-secret-app-9c1e55";
    protected static final String SEED = "zalo-token-refresh-5eed01";
    protected static final String ACCESS_1 = "zalo-token-access-a11ce1";
    protected static final String REFRESH_1 = "zalo-token-refresh-a11ce2";
    protected static final String ACCESS_2 = "zalo-token-access-b0b0b1";
    protected static final String REFRESH_2 = "zalo-token-refresh-b0b0b2";
    protected static final String USER = "8941234567136201";
    protected static final String TOKEN_PATH = "/oauth/v4/oa/access_token";
    protected static final String CS = "/openapi/v3.0/oa/message/cs";

    protected Path tokenDirectory;

    @Override
    protected void configure(ZaloComponent zalo) {
        try {
            tokenDirectory = Files.createTempDirectory("zalo-tokens");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ZaloAppAccount app = zalo.getZalo();
        app.setAppId(APP_ID);
        app.setAppSecret(APP_SECRET);
        app.setRefreshToken(SEED);
        app.setTokenDirectory(tokenDirectory.toString());
        app.setOauthBaseUrl(baseUrl() + "/oauth");
        app.setOpenApiBaseUrl(baseUrl() + "/openapi");
        app.setBusinessBaseUrl(baseUrl() + "/business/");
        // these tests are about the wire; pacing has its own
        app.setRateLimit(0);
        configureZalo(zalo);
    }

    protected void configureZalo(ZaloComponent zalo) {
    }

    @AfterEach
    void deleteTokens() throws IOException {
        if (tokenDirectory != null && Files.exists(tokenDirectory)) {
            try (Stream<Path> files = Files.walk(tokenDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    protected FileTokenStore store() {
        return new FileTokenStore(tokenDirectory);
    }

    /** Zalo's token endpoint answers a refresh with {@code refreshToken} by a new pair. */
    protected static void tokenAnswer(String refreshToken, String access, String refresh) {
        stub(refresh(refreshToken).willReturn(json(200, "{\"access_token\":\"" + access + "\",\"refresh_token\":\""
                                                        + refresh + "\",\"expires_in\":\"90000\"}")));
    }

    protected static MappingBuilder refresh(String refreshToken) {
        return post(urlEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(refreshToken));
    }

    /** The OA API answers a consultation message carrying {@code accessToken} with a success. */
    protected static void csAnswer(String accessToken, String messageId) {
        stub(post(urlEqualTo(CS)).withHeader("access_token", equalTo(accessToken))
                .willReturn(json(200, "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"" + messageId
                                      + "\",\"user_id\":\"" + USER + "\",\"quota\":{\"quota_type\":\"reply\","
                                      + "\"remain\":\"7\",\"total\":\"8\",\"owner_type\":\"OA\"}}}")));
    }

    protected static MappingBuilder getWithQuery(String path, String queryPart) {
        return get(urlPathEqualTo(path)).withQueryParam("data", containing(queryPart));
    }
}
