package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK HTTP server on 127.0.0.1, with a fixed pool of worker threads, routing each request by its path:
 * {@code /sandbox/…} to the {@link AdminHandler}, {@code /zalo/…} to the {@link ZaloApiRouter} (Zalo's own API),
 * {@code /v1/…} to the {@link ETelecomHandler}, and {@code /<tenant>/…} to the {@link CareSoftHandler}.
 */
final class SandboxServer {

    static {
        // Without TCP_NODELAY the JDK server's small keep-alive answers wait on the client's delayed ACK (~40 ms).
        // Read once, when the first JDK HttpServer of the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final HttpServer server;
    private final ExecutorService workers;

    SandboxServer(int port, int threads, CareSoftHandler caresoft, ETelecomHandler etelecom, ZaloApiRouter zalo,
                  AdminHandler admin) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        workers = Executors.newFixedThreadPool(threads, new WorkerThreads());
        server.setExecutor(workers);
        InboxHandler inbox = new InboxHandler();
        server.createContext("/", exchange -> route(exchange, caresoft, etelecom, zalo, admin, inbox));
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void route(HttpExchange exchange, CareSoftHandler caresoft, ETelecomHandler etelecom,
                              ZaloApiRouter zalo, AdminHandler admin, InboxHandler inbox) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (InboxHandler.matches(path)) {
                inbox.handle(exchange, path);
            } else if (path.equals("/sandbox") || path.startsWith("/sandbox/")) {
                admin.handle(exchange, path);
            } else if (ZaloApiRouter.matches(path)) {
                zalo.handle(exchange, path);
            } else if (path.startsWith("/v1/")) {
                etelecom.handle(exchange, path);
            } else {
                int slash = path.indexOf('/', 1);
                String tenant = slash < 0 ? path.substring(1) : path.substring(1, slash);
                caresoft.handle(exchange, tenant, slash < 0 ? "" : path.substring(slash));
            }
        } catch (Exception | Error e) {
            LOG.error("The sandbox failed to answer " + exchange.getRequestMethod() + " "
                                               + exchange.getRequestURI(), e);
            try {
                ObjectNode o = SandboxJson.object();
                o.put("error", "sandbox failure: " + e);
                HttpIo.send(exchange, 500, o);
            } catch (IOException | RuntimeException ignored) {
                // the answer was already under way; closing the exchange ends it
            }
        } finally {
            exchange.close();
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "zalo-sandbox-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
