package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone sandbox's command line: every option in --help, each one applied, clear refusals. */
class CommandLineTest {

    static final List<String> EVERY_OPTION = List.of("--port", "--customers", "--tenant", "--etelecom-key",
            "--rate-limit", "--lockout-after", "--sub-quota", "--app-id", "--app-secret", "--oa-id", "--oa-secret-key",
            "--oa", "--access-token-lifetime", "--refresh-token-lifetime", "--zalo-rate-limit", "--zns-daily-quota",
            "--webhook-url", "--webhook-retry-scale", "--webhook-timeout", "--threads", "--help");

    ZaloSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void helpListsEveryOption() throws Exception {
        assertThat(SandboxCommandLine.parse(new String[] { "--help" }).help()).isTrue();
        assertThat(SandboxCommandLine.parse(new String[] { "--port=1", "-h" }).help()).isTrue();
        String help = SandboxCommandLine.help();
        assertThat(help).contains("Usage: java -jar camel-zalo-sandbox-<version>-runnable.jar");
        EVERY_OPTION.forEach(o -> assertThat(help).as(o).containsPattern("(?m)^  " + o + "[= ]"));
    }

    @Test
    void everyOptionIsApplied() throws Exception {
        SandboxCommandLine.Parsed p = SandboxCommandLine.parse(new String[] { "--port=0", "--tenant=acme:k1",
                "--etelecom-key=et1", "--rate-limit=7", "--lockout-after=3", "--sub-quota=9", "--app-secret=as1",
                "--app-id=123", "--oa-id=456", "--oa-secret-key=os1", "--oa=789:os2", "--access-token-lifetime=2m",
                "--refresh-token-lifetime=PT1H", "--zalo-rate-limit=60", "--zns-daily-quota=5",
                "--webhook-url=http://127.0.0.1:1/hook", "--webhook-retry-scale=0.001", "--webhook-timeout=500ms",
                "--threads=2" });

        sandbox = p.builder().build().start();

        assertThat(p.help()).isFalse();
        assertThat(sandbox.caresoftTenants()).containsExactly("acme");
        assertThat(sandbox.caresoftApiKey("acme")).isEqualTo("k1");
        assertThat(sandbox.etelecomApiKey()).isEqualTo("et1");
        assertThat(sandbox.appId()).isEqualTo("123");
        assertThat(sandbox.appSecret()).isEqualTo("as1");
        assertThat(sandbox.oaId()).isEqualTo("456");
        assertThat(sandbox.oa().secretKey()).isEqualTo("os1");
        assertThat(sandbox.oa().subQuotaTotal()).isEqualTo(9);
        assertThat(sandbox.oa("789").secretKey()).isEqualTo("os2");
        assertThat(sandbox.oauth().accessTokenLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(sandbox.oauth().refreshTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(sandbox.zaloRateLimit().limitPerMinute()).isEqualTo(60);
        assertThat(sandbox.znsTemplates().dailyQuota()).isEqualTo(5);
        assertThat(sandbox.webhooks().url()).isEqualTo("http://127.0.0.1:1/hook");
        assertThat(sandbox.webhooks().retryScale()).isEqualTo(0.001);
        assertThat(sandbox.webhooks().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(sandbox.directory().size()).as("the sample customers").isEqualTo(6);
        assertThat(sandbox.scripts()).containsKeys(101L, 201L, 301L, 608L);
        assertThat(sandbox.znsTemplates().all()).hasSize(5);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--prot=1" }))
                .hasMessage("Unknown option --prot; run with --help for the options");
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--port=abc" }))
                .hasMessage("--port must be a whole number, not abc");
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--port=70000" }))
                .hasMessageStartingWith("--port: ");
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--port" }))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--access-token-lifetime=soon" }))
                .hasMessageContaining("--access-token-lifetime must be a duration");
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--customers=/no/such/file.csv" }))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> SandboxCommandLine.parse(new String[] { "--oa=789" }))
                .hasMessageContaining("id:secret-key");
    }

    @Test
    void durationsComeInShortAndIsoForms() throws Exception {
        assertThat(SandboxCommandLine.duration("x", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SandboxCommandLine.duration("x", "25h")).isEqualTo(Duration.ofHours(25));
        assertThat(SandboxCommandLine.duration("x", "3d")).isEqualTo(Duration.ofDays(3));
        assertThat(SandboxCommandLine.duration("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SandboxCommandLine.duration("x", "PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theBannerListsUrlsScriptsAndTemplates() throws Exception {
        sandbox = SandboxCommandLine.parse(new String[] { "--port=0" }).builder().build().start();

        String banner = SandboxBanner.of(sandbox);

        assertThat(banner).startsWith("Zalo sandbox on " + sandbox.baseUrl() + " (6 customers)")
                .containsPattern("inbox +: " + sandbox.baseUrl() + "/ ")
                .contains(sandbox.caresoftBaseUrl("demo")).contains(sandbox.etelecomBaseUrl())
                .contains(sandbox.zaloOauthBaseUrl()).contains(sandbox.zaloOpenApiBaseUrl())
                .contains(sandbox.zaloBusinessBaseUrl())
                .containsPattern("608 +transaction +\\(username\\)")
                .containsPattern("201 +transaction +\\(username, order_id\\)")
                .containsPattern("2450002 +ENABLE +Mã xác thực OTP \\(otp\\)")
                .contains("/sandbox/oauth/" + sandbox.oaId() + "/tokens");
        sandbox.issueTokens();
        assertThat(SandboxBanner.of(sandbox)).doesNotContain(sandbox.oauth().currentTokens(sandbox.oaId())
                .orElseThrow().accessToken());
    }
}
