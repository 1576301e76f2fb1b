package io.github.camelzalo.demo;

import java.util.List;
import java.util.Properties;

import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's sandbox left open after its runs ({@code --keep-open}), for a person at its inbox: the demo's two-way
 * routes ({@link CustomerRepliesRoutes}) go on running on Camel Main's HTTP server and the sandbox's webhook points
 * at them, so what someone writes as a customer in the inbox gets the demo's answer there. {@link #close()} stops
 * Camel, then the sandbox.
 */
public final class OpenInbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenInbox.class);

    private final ZaloSandbox sandbox;
    private final Main main;
    private final String webhookUrl;
    private boolean closed;

    private OpenInbox(ZaloSandbox sandbox, Main main, String webhookUrl) {
        this.sandbox = sandbox;
        this.main = main;
        this.webhookUrl = webhookUrl;
    }

    /** Starts the answering routes with the app and tokens the runs used, and points the sandbox's webhook at them. */
    static OpenInbox start(ZaloSandbox sandbox, SandboxZaloApp app) throws Exception {
        Main main = new Main();
        // close() is what stops it, from the demo's one shutdown hook, so that Camel stops before the sandbox does
        if (main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy strategy) {
            strategy.disableHangupSupport();
        }
        Properties properties = app.settings().officialApiProperties();
        String webhookUrl = DemoApplication.receiveWebhooks(properties, sandbox);
        main.bind("demoTokens", app.tokens());
        main.bind("conversations", new CustomerConversations(sandbox, List.of()));
        main.setInitialProperties(properties);
        main.configure().addRoutesBuilder(new CustomerRepliesRoutes());
        main.start();
        sandbox.webhooks().setUrl(webhookUrl);
        LOG.debug("The sandbox stays open at {}; its webhook goes to {}", sandbox.baseUrl(), webhookUrl);
        return new OpenInbox(sandbox, main, webhookUrl);
    }

    public ZaloSandbox sandbox() {
        return sandbox;
    }

    /** The sandbox's web inbox. */
    public String inboxUrl() {
        return sandbox.baseUrl() + "/";
    }

    /** Where the sandbox posts its webhook events: the demo's {@code zalo:events} consumers. */
    public String webhookUrl() {
        return webhookUrl;
    }

    /** What the demo prints once the runs are done and the inbox is open. */
    public String banner() {
        StringBuilder b = new StringBuilder("The sandbox stays open, and the demo still answers its customers:\n");
        line(b, "inbox", inboxUrl() + "   open it in a browser: what the runs sent, and write as a customer");
        line(b, "webhook", webhookUrl + "   from(\"zalo:events\"), which answers by keyword through zalo:send");
        line(b, "look inside", sandbox.baseUrl() + "/sandbox/{state,outbox,customers,webhooks,oauth,stats}");
        return b.append("Ctrl-C stops it.\n").toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("  %-12s: %s%n", label, value));
    }

    /** Stops the answering routes, then the sandbox. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            main.stop();
        } catch (RuntimeException e) {
            LOG.warn("Camel did not stop cleanly: {}", e.toString());
        }
        sandbox.close();
        LOG.debug("The demo and its sandbox are stopped");
    }
}
