package io.github.camelzalo.demo;

import io.github.camelzalo.sandbox.MessageType;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer-care demo on Camel Main. By default it starts the Zalo sandbox on 127.0.0.1 with the demo's customers
 * and points the {@code zalo:} component at it; with real accounts configured (see {@link DemoSettings}) it starts
 * no sandbox and sends for real.
 */
public final class DemoApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApplication.class);

    private DemoApplication() {
    }

    public static void main(String[] args) throws Exception {
        DemoRun run = run(DemoSettings.fromEnvironment());
        System.out.println(run.report().render(run.target()));
        System.exit(run.exitCode());
    }

    /** Runs the demo once, to the end, and returns what happened; the sandbox (if any) is closed again. */
    public static DemoRun run(DemoSettings settings) throws Exception {
        if (!settings.useSandbox()) {
            LOG.info("Sending for real: {}", settings);
            return runCamel(settings, null);
        }
        try (ZaloSandbox sandbox = sandboxFor(settings).build().start()) {
            LOG.info("Sandbox started at {} (outbox: {})", sandbox.baseUrl(), sandbox.outboxUrl());
            return runAgainst(sandbox, settings);
        }
    }

    /** A sandbox that knows the demo's customers and its "order delivered" transaction script. */
    public static ZaloSandbox.Builder sandboxFor(DemoSettings settings) {
        return ZaloSandbox.builder()
                .customers(settings.customers())
                .script(Long.parseLong(DemoSettings.SANDBOX_TRANSACTION_SCRIPT), MessageType.TRANSACTION,
                        "Chào {{username}}, đơn hàng {{order_id}} đã được giao thành công. Cảm ơn anh/chị!");
    }

    /** Runs the demo against a sandbox that is already started (tests read its outbox afterwards). */
    public static DemoRun runAgainst(ZaloSandbox sandbox, DemoSettings settings) throws Exception {
        return runCamel(settings.withAccounts(sandbox.caresoftBaseUrl(), sandbox.caresoftApiKey(),
                sandbox.etelecomBaseUrl(), sandbox.etelecomApiKey(), sandbox.oaId()), sandbox);
    }

    private static DemoRun runCamel(DemoSettings settings, ZaloSandbox sandbox) throws Exception {
        Main main = new Main();
        CampaignReport report = new CampaignReport(main::completed);
        main.bind("campaign", report);
        main.bind("customers", new CustomerList(settings.customers()));
        main.setInitialProperties(settings.componentProperties());
        if ("yaml".equalsIgnoreCase(settings.dsl())) {
            main.configure().withRoutesIncludePattern("classpath:routes/customer-care.camel.yaml");
        } else {
            main.configure().addRoutesBuilder(new CustomerCareRoutes());
        }
        int exitCode = main.run(new String[0]);
        String target = sandbox != null ? "sandbox at " + sandbox.baseUrl() : settings.caresoftBaseUrl() + " (real)";
        return new DemoRun(report, exitCode, target + ", " + settings.dsl().toLowerCase() + " DSL");
    }

    /** What one run produced. */
    public record DemoRun(CampaignReport report, int exitCode, String target) {
    }
}
