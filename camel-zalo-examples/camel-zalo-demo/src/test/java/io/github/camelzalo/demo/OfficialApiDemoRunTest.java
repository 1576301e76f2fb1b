package io.github.camelzalo.demo;

import io.github.camelzalo.demo.DemoApplication.DemoRun;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialApiDemoRunTest {

    @Test
    void print() throws Exception {
        DemoSettings settings = DemoSettings.sandboxDefaults("java");
        try (ZaloSandbox sandbox = DemoApplication.sandboxFor(settings).build().start()) {
            DemoRun run = DemoApplication.runOfficialAgainst(sandbox, settings);
            System.out.println(run.report().render(run.target()));
            sandbox.outbox().messages().forEach(m -> System.out.println(m.phone() + " " + m.format() + " " + m.quotaType()));
            System.out.println(sandbox.oauth().counters(sandbox.oaId()));
            assertThat(run.exitCode()).isZero();
        }
    }
}
