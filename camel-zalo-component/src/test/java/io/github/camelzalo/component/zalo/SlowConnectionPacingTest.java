package io.github.camelzalo.component.zalo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit is a promise about what the provider sees. Against a provider whose TLS handshake takes 300 ms on
 * each new connection, calls that got their permits on time but waited for a connection must not then land
 * together: at a limit of 5, the provider never sees more than 5 requests within a second.
 */
class SlowConnectionPacingTest extends ZaloTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SlowConnectionPacingTest.class);
    private static final int LIMIT = 5;
    private static final int HANDSHAKE_DELAY_MILLIS = 300;
    /**
     * The window the provider's limit counts, less what scheduling on a loaded machine may shift one arrival by
     * against another; the component's own window for writes is 1015 ms.
     */
    private static final long WINDOW_NANOS = 980_000_000L;

    private static SlowTlsProvider provider;

    @BeforeAll
    static void startSlowProvider() throws Exception {
        provider = new SlowTlsProvider(TestTls.get().sslContextFor(TestTls.get().localhostKeyStore),
                HANDSHAKE_DELAY_MILLIS);
    }

    @AfterAll
    static void stopSlowProvider() throws IOException {
        provider.close();
    }

    @Override
    protected void configure(ZaloComponent zalo) {
        zalo.getCaresoft().setBaseUrl("https://127.0.0.1:" + provider.port() + "/acme");
        zalo.getCaresoft().setRateLimit(LIMIT);
        zalo.getConfiguration().setRequestTimeout(20_000);
        try {
            zalo.setSslContextParameters(TestTls.get().trustingParameters());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theProviderNeverSeesMoreThanTheLimitWithinASecondWhenConnectionsOpenSlowly() throws Exception {
        provider.arrivals.clear();
        ZaloEndpoint endpoint = context.getEndpoint("zalo:send", ZaloEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        int calls = 3 * LIMIT;
        CountDownLatch done = new CountDownLatch(calls);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Exchange exchange = new org.apache.camel.support.DefaultExchange(context);
            exchange.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            exchange.getMessage().setBody("Xin chào msg-" + i);
            exchanges.add(exchange);
            producer.process(exchange, sync -> done.countDown());
        }

        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        List<Long> arrivals = new ArrayList<>(provider.arrivals);
        Collections.sort(arrivals);
        assertThat(arrivals).hasSize(calls);
        RateLimitStats stats = endpoint.getRateLimitStats();
        LOG.info("{} calls at {}/s, {} ms handshakes: at most {} requests within 1 s and {} within {} ms at the"
                 + " provider; {} writes held back; arrivals (ms): {}", calls, LIMIT, HANDSHAKE_DELAY_MILLIS,
                mostWithin(arrivals, 1_000_000_000L), mostWithin(arrivals, WINDOW_NANOS), WINDOW_NANOS / 1_000_000,
                stats.getWritesHeldBack(), arrivals.stream().map(t -> (t - arrivals.get(0)) / 1_000_000).toList());
        assertThat(mostWithin(arrivals, WINDOW_NANOS)).as("requests the provider saw within %d ms, arrivals %s",
                WINDOW_NANOS / 1_000_000, arrivals.stream().map(t -> (t - arrivals.get(0)) / 1_000_000).toList())
                .isLessThanOrEqualTo(LIMIT);
        producer.stop();
    }

    /** The most arrivals within any window of {@code window} nanoseconds. */
    static int mostWithin(List<Long> sorted, long window) {
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) >= window) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    /**
     * A provider over TLS whose handshake takes {@code delayMillis} longer on each new connection (it waits that long
     * before answering the client's hello), as a far or busy provider's does. One thread per connection, so that one
     * connection's handshake never delays reading another's request; it notes when each request is complete, body
     * included: the moment a provider acts on it.
     */
    static final class SlowTlsProvider implements AutoCloseable {
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        private final SSLServerSocket serverSocket;
        private final int delayMillis;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-tls-provider");
            t.setDaemon(true);
            return t;
        });

        SlowTlsProvider(SSLContext ssl, int delayMillis) throws IOException {
            this.delayMillis = delayMillis;
            this.serverSocket = (SSLServerSocket) ssl.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            threads.execute(this::acceptLoop);
        }

        int port() {
            return serverSocket.getLocalPort();
        }

        private void acceptLoop() {
            while (!serverSocket.isClosed()) {
                try {
                    Socket client = serverSocket.accept();
                    threads.execute(() -> serve((SSLSocket) client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(SSLSocket socket) {
            try (socket) {
                Thread.sleep(delayMillis);
                socket.startHandshake();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                byte[] body = "{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}".getBytes(StandardCharsets.UTF_8);
                while (readRequest(in)) {
                    arrivals.add(System.nanoTime());
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                               + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        /** Reads one request, head and body; {@code false} when the connection closed instead. */
        private static boolean readRequest(InputStream in) throws IOException {
            int contentLength = 0;
            for (String line = readLine(in); line != null; line = readLine(in)) {
                if (line.isEmpty()) {
                    in.readNBytes(contentLength);
                    return true;
                }
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            return false;
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) b);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            serverSocket.close();
            threads.shutdownNow();
        }
    }
}
