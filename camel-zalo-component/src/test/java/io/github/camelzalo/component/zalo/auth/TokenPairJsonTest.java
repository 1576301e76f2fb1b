package io.github.camelzalo.component.zalo.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON a token file and a Redis hash hold: what an upgrade must go on reading. */
class TokenPairJsonTest {

    private static final Instant ISSUED = Instant.parse("2026-12-03T02:00:00Z");
    private static final ZaloTokens PAIR = new ZaloTokens("zalo-token-access-1", "zalo-token-refresh-1",
            ISSUED.plusSeconds(90000), ISSUED.plusSeconds(7776000), ISSUED, "seed-digest");
    private static final String FILE = "{\"version\":3,\"access_token\":\"zalo-token-access-1\",\"refresh_token\":"
                                       + "\"zalo-token-refresh-1\",\"access_token_expires_at\":1796353200000,"
                                       + "\"refresh_token_expires_at\":1804039200000,\"issued_at\":1796263200000,"
                                       + "\"seed_digest\":\"seed-digest\"}";

    @Test
    void aPairIsWrittenWithItsVersionForAFileAndWithoutForAStoreThatKeepsItApart() {
        assertThat(new String(TokenPairJson.write(PAIR, 3), StandardCharsets.UTF_8)).isEqualTo(FILE);
        assertThat(new String(TokenPairJson.write(PAIR), StandardCharsets.UTF_8))
                .isEqualTo(FILE.replace("\"version\":3,", ""));
        ZaloTokens refreshOnly = new ZaloTokens(null, "zalo-token-refresh-2", null, null, ISSUED, null);
        assertThat(new String(TokenPairJson.write(refreshOnly), StandardCharsets.UTF_8))
                .isEqualTo("{\"refresh_token\":\"zalo-token-refresh-2\",\"issued_at\":1796263200000}");
    }

    @Test
    void whatWasWrittenReadsBackAsTheSamePair() throws IOException {
        StoredTokens stored = TokenPairJson.read((FILE.replace("}", ",\"written_by\":\"a later version\"}"))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.tokens().getAccessToken()).isEqualTo(PAIR.getAccessToken());
        assertThat(stored.tokens().getRefreshToken()).isEqualTo(PAIR.getRefreshToken());
        assertThat(stored.tokens().getAccessTokenExpiresAt()).isEqualTo(PAIR.getAccessTokenExpiresAt());
        assertThat(stored.tokens().getRefreshTokenExpiresAt()).isEqualTo(PAIR.getRefreshTokenExpiresAt());
        assertThat(stored.tokens().getIssuedAt()).isEqualTo(ISSUED);
        assertThat(stored.tokens().getSeedDigest()).isEqualTo("seed-digest");
        assertThat(TokenPairJson.readTokens(TokenPairJson.write(PAIR)).getAccessToken())
                .isEqualTo(PAIR.getAccessToken());
    }

    @Test
    void whatIsNotAPairIsRefusedWithoutSayingWhatItHolds() {
        byte[] noVersion = TokenPairJson.write(PAIR);
        assertThatThrownBy(() -> TokenPairJson.read(noVersion)).isInstanceOf(IOException.class)
                .hasMessage("not a token pair");
        byte[] truncated = "{\"access_token\":\"zalo-token-access-9\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TokenPairJson.readTokens(truncated)).isInstanceOf(IOException.class)
                .hasMessage("not a token pair").hasNoCause();
        byte[] noExpiry = "{\"access_token\":\"zalo-token-access-9\",\"issued_at\":1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TokenPairJson.readTokens(noExpiry)).isInstanceOf(IOException.class)
                .hasMessage("not a token pair").hasNoCause();
    }
}
