package io.github.camelzalo.component.zalo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that answers like a provider, or fails in one of the ways a provider or the
 * network fails. Raw sockets rather than WireMock, because some faults live below HTTP: a reset before the request
 * is read, a body that trickles, a 20 MB answer whose writing must be cut short.
 * <p>
 * Keep-alive, one thread per connection. The fault for each request is chosen <em>before</em> the request is read
 * ({@link #next}, then {@link #plan}), so that "reset before reading" is possible. For every request it reads, the server records the
 * message id found in the body ({@code msg-<n>}) and whether a real provider would have acted on it: that is the
 * count a duplicate delivery shows up in.
 */
final class FaultServer implements AutoCloseable {

    /** What the server does with one request. */
    enum Fault {
        OK(true),
        /** Close with a TCP reset before reading anything: the request cannot have been processed. */
        RESET_BEFORE_READ(false),
        /** Read the whole request, then reset: processed, but no answer. */
        RESET_AFTER_READ(true),
        /** Read the request and never answer (until the client gives up and closes). */
        NO_RESPONSE(true),
        /** A 200 whose body comes a few bytes every 100 ms, far slower than any timeout. */
        TRICKLE(true),
        /** A 200 whose head and first bytes come at once, and the rest never. */
        STALLED_BODY(true),
        TOO_MANY_REQUESTS_RETRY_AFTER(false),
        TOO_MANY_REQUESTS(false),
        /** CareSoft's 15-minute lock-out after too many 429s: HTTP 404 with its message. */
        LOCKED_OUT(false),
        INTERNAL_ERROR(true),
        BAD_GATEWAY(true),
        UNAVAILABLE(false),
        GATEWAY_TIMEOUT(true),
        /** A proxy's HTML error page with status 502. */
        HTML_PAGE(true),
        EMPTY_BODY(true),
        INVALID_JSON(true),
        /** A success with fields the documents do not know: must still succeed. */
        EXTRA_FIELDS(true),
        /** A 200 announcing 20 MB, written until the client stops reading. */
        HUGE_BODY(true),
        /** The same 20 MB without Content-Length (chunked), so that only a running count can stop it. */
        HUGE_BODY_CHUNKED(true),
        /** An answer written by the test itself, see {@link #answerWith}; processed as it says. */
        CUSTOM(true);

        /** Whether a real provider would have acted on the request (sent the customer the message). */
        final boolean processed;

        Fault(boolean processed) {
            this.processed = processed;
        }
    }

    static final int HUGE_SIZE = 20 * 1024 * 1024;
    private static final Pattern MESSAGE_ID = Pattern.compile("msg-(\\d+)");
    private static final byte[] CARESOFT_OK = "{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Fault> queued = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Custom> customAnswers = new ConcurrentLinkedQueue<>();
    private volatile Supplier<Fault> plan = () -> Fault.OK;
    private volatile int answerDelayMillis;
    private volatile boolean closed;

    final AtomicInteger requestsRead = new AtomicInteger();
    final AtomicInteger connectionsAccepted = new AtomicInteger();
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger maxOpenConnections = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** Bytes of the last huge body written before the client stopped reading; -1 until one was written. */
    final AtomicLong hugeBytesWritten = new AtomicLong(-1);
    final Map<Integer, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> processed = new ConcurrentHashMap<>();
    /** The faults applied to each message id, in order: what a failed assertion explains itself with. */
    final Map<Integer, ConcurrentLinkedQueue<Fault>> history = new ConcurrentHashMap<>();
    final Map<Fault, AtomicInteger> faultsApplied = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> requestLines = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

    FaultServer() throws IOException {
        this(0);
    }

    /** On a given port, e.g. one that refused connections a moment ago. */
    FaultServer(int port) throws IOException {
        serverSocket = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Forgets planned faults, counts and records, so that one server can serve test after test. */
    void reset() {
        queued.clear();
        customAnswers.clear();
        plan = () -> Fault.OK;
        answerDelayMillis = 0;
        requestsRead.set(0);
        connectionsAccepted.set(0);
        maxOpenConnections.set(openConnections.get());
        maxInFlight.set(0);
        hugeBytesWritten.set(-1);
        arrivals.clear();
        processed.clear();
        history.clear();
        faultsApplied.clear();
        requestLines.clear();
        authorizations.clear();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Faults for the next requests, in order; after them, {@link #plan} decides. */
    FaultServer next(Fault... faults) {
        queued.addAll(Arrays.asList(faults));
        return this;
    }

    /**
     * The next request gets an answer the test writes itself, e.g. raw bytes no well-behaved server would send.
     *
     * @param processed whether a real provider would have acted on the request
     * @param answer    writes the answer; returns whether the connection can serve another request
     */
    FaultServer answerWith(boolean processed, Answer answer) {
        customAnswers.add(new Custom(processed, answer));
        queued.add(Fault.CUSTOM);
        return this;
    }

    /** The next request gets these bytes as its answer, and the connection stays open for another. */
    FaultServer answerWith(String raw) {
        return answerWith(false, (s, in, out) -> {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        });
    }

    /** An answer the test writes itself. */
    @FunctionalInterface
    interface Answer {
        boolean write(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private record Custom(boolean processed, Answer answer) {
    }

    FaultServer plan(Supplier<Fault> plan) {
        this.plan = plan;
        return this;
    }

    /** How long every answer waits, to hold connections busy. */
    FaultServer answerDelay(int millis) {
        this.answerDelayMillis = millis;
        return this;
    }

    private Fault nextFault() {
        Fault f = queued.poll();
        return f != null ? f : plan.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = serverSocket.accept();
                connectionsAccepted.incrementAndGet();
                max(maxOpenConnections, openConnections.incrementAndGet());
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    // a failed accept is not a test result; keep serving
                    continue;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            boolean firstRequest = true;
            while (!closed) {
                if (!firstRequest && !nextRequestStarted(in)) {
                    return;
                }
                firstRequest = false;
                // chosen before reading: on a new connection a reset then races the client's first write; on a
                // kept-alive one it lands after the request arrived but before the server read it
                Fault fault = nextFault();
                if (fault == Fault.RESET_BEFORE_READ) {
                    count(fault);
                    reset(s);
                    return;
                }
                Request request = readRequest(in);
                if (request == null) {
                    // the client closed an idle keep-alive connection; this fault was not used
                    requeue(fault);
                    return;
                }
                count(fault);
                Custom custom = fault == Fault.CUSTOM ? customAnswers.poll() : null;
                boolean processedHere = custom != null ? custom.processed() : fault.processed;
                requestsRead.incrementAndGet();
                requestLines.add(request.line);
                if (request.authorization != null) {
                    authorizations.add(request.authorization);
                }
                Integer id = request.messageId();
                if (id != null) {
                    arrivals.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    history.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(fault);
                    if (processedHere) {
                        processed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                max(maxInFlight, inFlight.incrementAndGet());
                try {
                    if (answerDelayMillis > 0) {
                        Thread.sleep(answerDelayMillis);
                    }
                    if (!(custom != null ? custom.answer().write(s, in, out) : answer(s, in, out, fault))) {
                        return;
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (it timed out, or refused a huge answer): that is what these faults test
        } finally {
            open.remove(s);
            openConnections.decrementAndGet();
        }
    }

    /** Waits on a kept-alive connection for the next request's first byte; {@code false} when it closed instead. */
    private static boolean nextRequestStarted(InputStream in) throws IOException {
        in.mark(1);
        if (in.read() < 0) {
            return false;
        }
        in.reset();
        return true;
    }

    private void requeue(Fault fault) {
        if (fault != Fault.OK) {
            // give a planned fault to the next request instead of losing it on a closing connection
            queued.add(fault);
        }
    }

    private void count(Fault fault) {
        faultsApplied.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
    }

    /** @return whether the connection can serve another request */
    private boolean answer(Socket s, InputStream in, OutputStream out, Fault fault)
            throws IOException, InterruptedException {
        switch (fault) {
            case OK -> write(out, 200, "application/json", CARESOFT_OK);
            case RESET_AFTER_READ -> {
                reset(s);
                return false;
            }
            case NO_RESPONSE -> {
                // hold until the client closes; bounded so that a stuck test cannot leak a thread for ever
                s.setSoTimeout(30_000);
                while (in.read() >= 0) {
                    // discard
                }
                return false;
            }
            case TRICKLE -> {
                // about 10 s for the whole body, ten times the tests' request timeout
                byte[] body = bytes("{\"code\":\"ok\",\"message\":\"" + "x".repeat(150) + "\"}");
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                           + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < body.length; i += 2) {
                    out.write(body, i, Math.min(2, body.length - i));
                    out.flush();
                    Thread.sleep(100);
                }
            }
            case STALLED_BODY -> {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"code\""
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.setSoTimeout(30_000);
                while (in.read() >= 0) {
                    // hold until the client closes
                }
                return false;
            }
            case TOO_MANY_REQUESTS_RETRY_AFTER -> write(out, 429, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}"), "Retry-After: 1");
            case TOO_MANY_REQUESTS -> write(out, 429, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}"));
            case LOCKED_OUT -> write(out, 404, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry after 15 minutes \"}"));
            case INTERNAL_ERROR -> write(out, 500, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Server Error\"}"));
            case BAD_GATEWAY -> write(out, 502, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Bad Gateway\"}"));
            case UNAVAILABLE -> write(out, 503, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Service Unavailable\"}"));
            case GATEWAY_TIMEOUT -> write(out, 504, "application/json",
                    bytes("{\"code\":\"errors\",\"message\":\"Gateway Timeout\"}"));
            case HTML_PAGE -> write(out, 502, "text/html",
                    bytes("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
                          + "</h1></center><hr><center>nginx</center></body></html>"));
            case EMPTY_BODY -> write(out, 200, "application/json", new byte[0]);
            case INVALID_JSON -> write(out, 200, "application/json", bytes("{\"code\":\"ok\",\"message\":"));
            case EXTRA_FIELDS -> write(out, 200, "application/json",
                    bytes("{\"code\":\"ok\",\"message\":\"Tạo thành công!\",\"trace_id\":\"a1b2\","
                          + "\"data\":{\"nested\":[1,2,3]},\"new_flag\":true}"));
            case HUGE_BODY, HUGE_BODY_CHUNKED -> {
                writeHuge(out, fault == Fault.HUGE_BODY_CHUNKED);
                return false;
            }
            default -> throw new IllegalStateException("not an answer: " + fault);
        }
        return true;
    }

    private void writeHuge(OutputStream out, boolean chunked) {
        long written = 0;
        try {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + HUGE_SIZE + "\r\n")
                       + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) ' ');
            block[0] = '{';
            while (written < HUGE_SIZE) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                written += block.length;
            }
            out.flush();
        } catch (IOException e) {
            // the client refused the rest: expected
        } finally {
            hugeBytesWritten.set(written);
        }
    }

    static void write(OutputStream out, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\nContent-Type: ").append(contentType).append("; charset=utf-8\r\nContent-Length: ")
                .append(body.length).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    private static void reset(Socket s) throws SocketException {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void max(AtomicInteger max, int value) {
        max.accumulateAndGet(value, Math::max);
    }

    /** One request as read: its request line, Authorization header and body. */
    record Request(String line, String authorization, byte[] body) {
        Integer messageId() {
            Matcher m = MESSAGE_ID.matcher(new String(body, StandardCharsets.UTF_8));
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }
    }

    /** @return the request, or {@code null} when the connection closed before one started */
    private static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        int contentLength = 0;
        String authorization = null;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Integer.parseInt(value);
            } else if (name.equals("authorization")) {
                authorization = value;
            }
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length < contentLength) {
            throw new IOException("the client closed in the middle of the body");
        }
        return new Request(line, authorization, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    int processedCount(int id) {
        AtomicInteger n = processed.get(id);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        serverSocket.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
