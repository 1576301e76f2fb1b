package io.github.camelzalo.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.sandbox.MessageType;
import io.github.camelzalo.sandbox.ZaloSandbox;
import io.github.camelzalo.sandbox.ZnsTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer-care demo on Camel Main. By default it starts the Zalo sandbox on 127.0.0.1 with the demo's customers
 * and points the {@code zalo:} component at it; with real accounts configured (see {@link DemoSettings}) it starts
 * no sandbox and sends for real. With {@code --keep-open} the sandbox stays open after the runs, and the demo goes on
 * answering its customers, until the JVM is stopped (Ctrl-C).
 */
public final class DemoApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApplication.class);

    private DemoApplication() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepOpen = false;
        for (String arg : args) {
            switch (arg) {
                case "--keep-open" -> keepOpen = true;
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    System.err.print("Unknown option " + arg + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        DemoSettings settings = DemoSettings.fromEnvironment();
        if (!keepOpen) {
            int exitCode = 0;
            for (DemoRun run : run(settings)) {
                System.out.println(run.report().render(run.target()));
                exitCode = Math.max(exitCode, run.exitCode());
            }
            System.exit(exitCode);
        }
        if (!settings.useSandbox()) {
            System.err.println("--keep-open keeps the demo's sandbox open, and with real accounts configured the demo"
                               + " starts none: unset them, or leave out --keep-open");
            System.exit(2);
        }
        KeptOpen kept = runAndKeepOpen(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kept.inbox().close();
            // on stdout: the logging may already be shut down by its own hook
            System.out.println("Stopped the demo and its sandbox.");
            stopped.countDown();
        }, "demo-stop"));
        for (DemoRun run : kept.runs()) {
            System.out.println(run.report().render(run.target()));
        }
        System.out.print(kept.inbox().banner());
        System.out.flush();
        stopped.await();
    }

    static final String USAGE = """
            Usage: DemoApplication [--keep-open]
              --keep-open  after the runs, keep the sandbox and the demo's answers to its customers running, and
                           print the sandbox's inbox to open in a browser; Ctrl-C stops them
            Where the demo sends is set by environment variables (see docs/demo.md).
            """;

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
                }, null));
            }
            return runs;
        }
        try (ZaloSandbox sandbox = sandboxFor(settings).build().start()) {
            LOG.info("Sandbox started at {} (outbox: {})", sandbox.baseUrl(), sandbox.outboxUrl());
            return runsAgainst(sandbox, settings, () -> SandboxZaloApp.of(sandbox, settings));
        }
    }

    /**
     * Runs the demo as {@link #run(DemoSettings)} does, against a sandbox of its own, and leaves the sandbox running
     * with the demo's answers to its customers ({@link OpenInbox}) for a person to look at in the inbox and write as
     * a customer; closing the inbox stops both.
     *
     * @throws IllegalArgumentException with real accounts configured: there is no sandbox to keep open
     */
    public static KeptOpen runAndKeepOpen(DemoSettings settings) throws Exception {
        if (!settings.useSandbox()) {
            throw new IllegalArgumentException("Real accounts are configured: the demo starts no sandbox to keep open");
        }
        ZaloSandbox sandbox = sandboxFor(settings).build().start();
        try {
            LOG.info("Sandbox started at {} (outbox: {})", sandbox.baseUrl(), sandbox.outboxUrl());
            // one app for the run and what stays open; made now, so that the OAuth tab shows one consent
            SandboxZaloApp app = SandboxZaloApp.of(sandbox, settings);
            List<DemoRun> runs = runsAgainst(sandbox, settings, () -> app);
            return new KeptOpen(runs, OpenInbox.start(sandbox, app));
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    private static List<DemoRun> runsAgainst(ZaloSandbox sandbox, DemoSettings settings,
                                             Supplier<SandboxZaloApp> app) throws Exception {
        List<DemoRun> runs = new ArrayList<>();
        if (settings.runsResellers()) {
            runs.add(runAgainst(sandbox, settings));
        }
        if (settings.runs().contains("zalo")) {
            runs.add(runOfficialAgainst(sandbox, app.get()));
        }
        return runs;
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
        return runOfficialAgainst(sandbox, SandboxZaloApp.of(sandbox, settings));
    }

    private static DemoRun runOfficialAgainst(ZaloSandbox sandbox, SandboxZaloApp app) throws Exception {
        String oa = sandbox.oaId();
        return runOfficialCamel(app.settings(), sandbox, () -> sandbox.oauth().expireAccessToken(oa), app.tokens());
    }

    private static DemoRun runOfficialCamel(DemoSettings settings, ZaloSandbox sandbox, Runnable atMidRun,
                                            ZaloTokenStore sandboxTokens) throws Exception {
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
            main.bind("demoTokens", sandboxTokens);
            // the two-way part: the sandbox POSTs its customers' messages and receipts to Camel Main's HTTP server
            sandbox.webhooks().setUrl(receiveWebhooks(properties, sandbox));
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

    /**
     * Sets Camel Main's HTTP server, where {@code zalo:events} listens, on 127.0.0.1 and a free port, with the
     * sandbox's OA secret key to verify the events; returns the webhook URL to give the sandbox.
     */
    static String receiveWebhooks(Properties properties, ZaloSandbox sandbox) throws IOException {
        int port = freePort();
        properties.setProperty("camel.server.enabled", "true");
        properties.setProperty("camel.server.host", "127.0.0.1");
        properties.setProperty("camel.server.port", Integer.toString(port));
        properties.setProperty("camel.component.zalo.zalo.oa-secret-key", sandbox.oa().secretKey());
        return "http://127.0.0.1:" + port + "/zalo/events";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What one run produced. */
    public record DemoRun(CampaignReport report, int exitCode, String target) {
    }

    /** The runs made, and the sandbox they ran against, still open. */
    public record KeptOpen(List<DemoRun> runs, OpenInbox inbox) {
    }
}
