package io.github.camelzalo.component.zalo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP forward proxy on 127.0.0.1, as an ESB shop's: http requests in absolute form are forwarded (one per
 * connection), https goes through {@code CONNECT} tunnels. It resolves only the host names it is told about, so a
 * call that reaches such a host went through it. It may demand Basic credentials (407 otherwise), and refuse
 * tunnels to given hosts with a status of its choosing. It records each request line and the
 * {@code Proxy-Authorization} it came with, and the bytes it relayed through tunnels.
 */
final class ForwardProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "forward-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, InetSocketAddress> hosts = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusedTunnels = new ConcurrentHashMap<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream tunnelled = new ByteArrayOutputStream();
    private volatile String expectedAuthorization;

    ForwardProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Requests for {@code host} (any port) go to 127.0.0.1 at the same port. */
    ForwardProxy resolve(String host) {
        hosts.put(host.toLowerCase(Locale.ROOT), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return this;
    }

    /** Answers 407 unless a request carries these Basic credentials. */
    ForwardProxy requireCredentials(String user, String password) {
        expectedAuthorization = basic(user, password);
        return this;
    }

    /** Answers a CONNECT to {@code host} with {@code status} instead of opening the tunnel. */
    ForwardProxy refuseTunnelTo(String host, int status) {
        refusedTunnels.put(host.toLowerCase(Locale.ROOT), status);
        return this;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The request lines received, e.g. {@code CONNECT zalo.example:4431 HTTP/1.1}. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** The Proxy-Authorization of each request, in order; "" when it had none. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** What went through the tunnels, both ways. */
    String tunnelledText() {
        synchronized (tunnelled) {
            return tunnelled.toString(StandardCharsets.ISO_8859_1);
        }
    }

    void reset() {
        requestLines.clear();
        authorizations.clear();
        refusedTunnels.clear();
        expectedAuthorization = null;
        synchronized (tunnelled) {
            tunnelled.reset();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            String authorization = header(head, "proxy-authorization");
            requestLines.add(requestLine);
            authorizations.add(authorization == null ? "" : authorization);
            String[] parts = requestLine.split(" ");
            int contentLength = contentLength(head);
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                // read what the client sends first, so that closing the socket does not reset the answer away
                in.readNBytes(contentLength);
                answer(client, "407 Proxy Authentication Required",
                        "Proxy-Authenticate: Basic realm=\"zalo-test\"\r\n");
                return;
            }
            if (parts[0].equals("CONNECT")) {
                tunnel(client, parts[1]);
            } else {
                forward(client, in, parts, head, contentLength);
            }
        } catch (IOException e) {
            // a relay ends when either side does
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        String host = authority.substring(0, authority.lastIndexOf(':')).toLowerCase(Locale.ROOT);
        int port = Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
        Integer refusal = refusedTunnels.get(host);
        if (refusal != null) {
            answer(client, refusal + " Refused", "");
            return;
        }
        Socket upstream;
        try {
            upstream = new Socket(address(host), port);
        } catch (IOException e) {
            answer(client, "502 Bad Gateway", "");
            return;
        }
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        try (upstream) {
            threads.execute(() -> pump(upstream, client));
            pump(client, upstream);
        }
    }

    private void forward(Socket client, InputStream in, String[] parts, List<String> head, int contentLength)
            throws IOException {
        URI target = URI.create(parts[1]);
        try (Socket upstream = new Socket(address(target.getHost()), target.getPort() < 0 ? 80 : target.getPort())) {
            StringBuilder out = new StringBuilder(parts[0] + " " + target.getRawPath()
                                                  + (target.getRawQuery() != null ? "?" + target.getRawQuery() : "")
                                                  + " " + parts[2] + "\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    out.append(line).append("\r\n");
                }
            }
            out.append("Connection: close\r\n\r\n");
            OutputStream up = upstream.getOutputStream();
            up.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(in.readNBytes(contentLength));
            up.flush();
            // the answer's head with "Connection: close", so that the client opens a new connection next time
            InputStream down = upstream.getInputStream();
            List<String> answer = readHead(down);
            StringBuilder back = new StringBuilder();
            for (String line : answer) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")
                    && !line.toLowerCase(Locale.ROOT).startsWith("keep-alive:")) {
                    back.append(line).append("\r\n");
                }
            }
            back.append("Connection: close\r\n\r\n");
            OutputStream toClient = client.getOutputStream();
            toClient.write(back.toString().getBytes(StandardCharsets.ISO_8859_1));
            down.transferTo(toClient);
            toClient.flush();
        }
    }

    private InetAddress address(String host) throws IOException {
        if (host.equals("127.0.0.1")) {
            return InetAddress.getLoopbackAddress();
        }
        InetSocketAddress known = hosts.get(host.toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new IOException("The test proxy does not know " + host);
        }
        return known.getAddress();
    }

    private void pump(Socket from, Socket to) {
        try {
            byte[] buffer = new byte[8192];
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (tunnelled) {
                    tunnelled.write(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static void answer(Socket client, String status, String headers) throws IOException {
        client.getOutputStream().write(("HTTP/1.1 " + status + "\r\n" + headers
                                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String l = line.toString().stripTrailing();
                if (l.isEmpty()) {
                    return lines;
                }
                lines.add(l);
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return lines;
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static int contentLength(List<String> head) {
        String length = header(head, "content-length");
        return length == null ? 0 : Integer.parseInt(length);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
