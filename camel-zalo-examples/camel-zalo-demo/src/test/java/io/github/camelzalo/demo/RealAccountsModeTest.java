package io.github.camelzalo.demo;

import java.util.List;
import java.util.Map;

import io.github.camelzalo.demo.DemoApplication.DemoRun;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With accounts configured the demo starts no sandbox of its own and sends where the settings say: here, to a
 * sandbox the test started, standing in for the real providers.
 */
class RealAccountsModeTest {

    @Test
    void configuredAccountsAreUsedInsteadOfAnEmbeddedSandbox() throws Exception {
        try (ZaloSandbox providers = DemoApplication.sandboxFor(DemoSettings.sandboxDefaults("java")).build().start()) {
            DemoSettings settings = DemoSettings.from(Map.of(
                    "ZALO_CARESOFT_BASE_URL", providers.caresoftBaseUrl(),
                    "ZALO_CARESOFT_API_KEY", providers.caresoftApiKey(),
                    "ZALO_ETELECOM_BASE_URL", providers.etelecomBaseUrl(),
                    "ZALO_ETELECOM_API_KEY", providers.etelecomApiKey(),
                    "ZALO_OA_ID", providers.oaId())::get);

            assertThat(settings.useSandbox()).isFalse();
            assertThat(settings.toString()).doesNotContain(providers.caresoftApiKey())
                    .doesNotContain(providers.etelecomApiKey());

            // CareSoft and eTelecom only: no Zalo app is configured, so no official API run
            List<DemoRun> runs = DemoApplication.run(settings);
            assertThat(runs).hasSize(1);
            DemoRun run = runs.get(0);

            assertThat(run.target()).startsWith(providers.caresoftBaseUrl() + " (real)");
            assertThat(run.report().countOf(Outcome.IMAGE)).isEqualTo(8);
            assertThat(providers.outbox().size()).isEqualTo(22);
        }
    }

    @Test
    void withoutACareSoftKeyTheSandboxIsUsed() {
        DemoSettings settings = DemoSettings.from(Map.of("ZALO_CARESOFT_BASE_URL", "https://api.caresoft.vn/acme")::get);

        assertThat(settings.useSandbox()).isTrue();
        assertThat(settings.transactionScriptId()).isEqualTo("201");
        assertThat(settings.customers().toString()).endsWith("customers.csv");
    }
}
