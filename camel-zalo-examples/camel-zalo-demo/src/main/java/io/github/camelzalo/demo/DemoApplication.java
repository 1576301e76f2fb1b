package io.github.camelzalo.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.sandbox.MessageType;
import io.github.camelzalo.sandbox.ZaloSandbox;
import io.github.camelzalo.sandbox.ZnsTemplate;
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
        int exitCode = 0;
        for (DemoRun run : run(DemoSettings.fromEnvironment())) {
            System.out.println(run.report().render(run.target()));
            exitCode = Math.max(exitCode, run.exitCode());
        }
        System.exit(exitCode);
    }

    /**
     * Runs the demo once, to the end: the run through CareSoft and eTelecom, then the same customers through the
     * official API, each as {@code DEMO_RUNS} asks and an account (or the sandbox) is there. The sandbox, if any, is
     * closed again.
     */
    public static List<DemoRun> run(DemoSettings settings) throws Exception {
        List<DemoRun> runs = new ArrayList<>();
        if (!settings.useSandbox()) {
            LOG.info("Sending for real: {}", settings);
            if (settings.runsResellers()) {
                runs.add(runCamel(settings, null));
            }
            if (settings.runsOfficialApi()) {
                runs.add(runOfficialCamel(settings, null, () -> {
                }));
            }
            return runs;
        }
        try (ZaloSandbox sandbox = sandboxFor(settings).build().start()) {
            LOG.info("Sandbox started at {} (outbox: {})", sandbox.baseUrl(), sandbox.outboxUrl());
            if (settings.runsResellers()) {
                runs.add(runAgainst(sandbox, settings));
            }
            if (settings.runs().contains("zalo")) {
                runs.add(runOfficialAgainst(sandbox, settings));
            }
            return runs;
        }
    }

    /** A sandbox that knows the demo's customers and its "order delivered" transaction script. */
    public static ZaloSandbox.Builder sandboxFor(DemoSettings settings) {
        ZaloSandbox.Builder builder = ZaloSandbox.builder();
        // the official API's run sends the "order confirmed" ZNS template, one of the sandbox's samples
        ZnsTemplate.samples().forEach(builder::znsTemplate);
        return builder
                // Zalo's retries of a webhook delivery that failed (30 s, 5 min, ...) in a hundredth of the time, so
                // that one answer slower than Zalo's 2 s (a busy machine) is retried within the demo's run
                .webhookRetryScale(0.01)
                .customers(settings.customers())
                .script(Long.parseLong(DemoSettings.SANDBOX_TRANSACTION_SCRIPT), MessageType.TRANSACTION,
                        "Chào {{username}}, đơn hàng {{order_id}} đã được giao thành công. Cảm ơn anh/chị!");
    }

    /**
     * The official API's run against a sandbox that is already started: the sandbox's app, the OA's first refresh
     * token as an admin's consent gives it, and, at the {@value OfficialApiRun#EXPIRE_TOKEN_AT}th customer, the
     * access token ended by the sandbox as its 25 hours running out would.
     */
    public static DemoRun runOfficialAgainst(ZaloSandbox sandbox, DemoSettings settings) throws Exception {
        String oa = sandbox.oaId();
        DemoSettings official = settings.withOfficialApi(sandbox.appId(), sandbox.appSecret(),
                sandbox.issueTokens(oa).refreshToken(), sandbox.zaloOauthBaseUrl(), sandbox.zaloOpenApiBaseUrl(),
                sandbox.zaloBusinessBaseUrl(), oa);
        return runOfficialCamel(official, sandbox, () -> sandbox.oauth().expireAccessToken(oa));
    }

    private static DemoRun runOfficialCamel(DemoSettings settings, ZaloSandbox sandbox, Runnable atMidRun)
            throws Exception {
        Main main = new Main();
        CampaignReport report = new CampaignReport(main::completed, "Zalo customer-care run, official API",
                List.of(Outcome.CONSULTATION_TEXT, Outcome.ZNS_FALLBACK, Outcome.IMAGE, Outcome.SKIPPED,
                        Outcome.DEAD_LETTER));
        main.bind("campaign", report);
        main.bind("customers", new CustomerList(settings.customers()));
        main.bind("banner", new OfficialApiRun.Banner());
        main.bind("midRun", new OfficialApiRun.MidRun(atMidRun));
        main.bind("tokens", new OfficialApiRun.Tokens(settings.oaId(), sandbox != null));
        Properties properties = settings.officialApiProperties();
        main.bind("conversations", new CustomerConversations(sandbox, settings.customers() == null ? List.of()
                : new CustomerList(settings.customers()).load().stream().map(DemoCustomer::getPhone).toList()));
        if (sandbox != null) {
            // the sandbox's tokens are the sandbox's: kept in memory, not in the user's token directory
            main.bind("demoTokens", new InMemoryTokenStore());
            // the two-way part: the sandbox POSTs its customers' messages and receipts to Camel Main's HTTP server
            int port = freePort();
            properties.setProperty("camel.server.enabled", "true");
            properties.setProperty("camel.server.host", "127.0.0.1");
            properties.setProperty("camel.server.port", Integer.toString(port));
            properties.setProperty("camel.component.zalo.zalo.oa-secret-key", sandbox.oa().secretKey());
            sandbox.webhooks().setUrl("http://127.0.0.1:" + port + "/zalo/events");
        }
        main.setInitialProperties(properties);
        main.configure().addRoutesBuilder(new OfficialApiCareRoutes());
        if (sandbox != null) {
            main.configure().addRoutesBuilder(new CustomerRepliesRoutes());
        }
        int exitCode = main.run(new String[0]);
        String target = (sandbox != null ? "sandbox at " + sandbox.baseUrl() : "the official API (real)")
                        + ", provider zalo";
        return new DemoRun(report, exitCode, target);
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

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What one run produced. */
    public record DemoRun(CampaignReport report, int exitCode, String target) {
    }
}
