package io.github.camelzalo.component.zalo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Self-signed certificates for local HTTPS servers, made once per test JVM with the JDK's {@code keytool}: one for
 * 127.0.0.1 and one for another host name, and a trust store that trusts both (so that a host name mismatch is
 * refused for the name, not for trust).
 */
final class TestTls {

    static final String PASSWORD = "changeit";
    private static TestTls instance;

    final Path localhostKeyStore;
    final Path otherHostKeyStore;
    final Path trustStore;

    private TestTls(Path dir) throws Exception {
        Files.createDirectories(dir);
        localhostKeyStore = dir.resolve("server-127.0.0.1.p12");
        otherHostKeyStore = dir.resolve("server-zalo.example.p12");
        trustStore = dir.resolve("truststore.p12");
        Files.deleteIfExists(localhostKeyStore);
        Files.deleteIfExists(otherHostKeyStore);
        // both at once: each keytool run is a JVM start
        Process a = keytool(localhostKeyStore, "CN=127.0.0.1", "SAN=ip:127.0.0.1");
        Process b = keytool(otherHostKeyStore, "CN=zalo.example", "SAN=dns:zalo.example");
        await(a);
        await(b);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("local", load(localhostKeyStore).getCertificate("server"));
        trust.setCertificateEntry("other", load(otherHostKeyStore).getCertificate("server"));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
    }

    static synchronized TestTls get() throws Exception {
        if (instance == null) {
            instance = new TestTls(Path.of("target", "test-tls"));
        }
        return instance;
    }

    /** Camel's way to bring in a trust store: what a user configures as {@code sslContextParameters}. */
    SSLContextParameters trustingParameters() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore.toAbsolutePath());
        store.setType("PKCS12");
        store.setPassword(PASSWORD);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    /** A server-side TLS context with the certificate in {@code keyStore}. */
    SSLContext sslContextFor(Path keyStore) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        return ssl;
    }

    /**
     * An HTTPS server on 127.0.0.1 that answers every POST like CareSoft's send-message, counting requests.
     */
    static HttpsServer httpsServer(Path keyStore, AtomicInteger requests) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keyStore), PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "https-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private static Process keytool(Path keyStore, String dname, String san) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        return new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-ext", san, "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void await(Process p) throws Exception {
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed");
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /**
     * A TCP relay in front of a server that cuts the first connections during the TLS handshake: it reads the
     * client's hello and then resets (or closes). Later connections pass through. The request cannot have been sent
     * on a cut connection: HTTP only starts once the handshake is done.
     */
    static final class HandshakeCutter implements AutoCloseable {
        private final ServerSocket serverSocket;
        private final int backendPort;
        private final AtomicInteger cutsLeft;
        private final boolean reset;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "handshake-cutter");
            t.setDaemon(true);
            return t;
        });

        HandshakeCutter(int backendPort, int cuts, boolean reset) throws IOException {
            this.backendPort = backendPort;
            this.cutsLeft = new AtomicInteger(cuts);
            this.reset = reset;
            this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(this::acceptLoop);
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        private void acceptLoop() {
            while (!serverSocket.isClosed()) {
                try {
                    Socket client = serverSocket.accept();
                    threads.execute(() -> handle(client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(Socket client) {
            try {
                if (cutsLeft.getAndDecrement() > 0) {
                    client.getInputStream().read(new byte[512]);
                    if (reset) {
                        client.setSoLinger(true, 0);
                    }
                    client.close();
                    return;
                }
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                threads.execute(() -> pump(backend, client));
                pump(client, backend);
            } catch (IOException e) {
                // a relay stops when either side does
            }
        }

        private static void pump(Socket from, Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // either side closed
            }
        }

        @Override
        public void close() throws IOException {
            serverSocket.close();
            threads.shutdownNow();
        }
    }
}
