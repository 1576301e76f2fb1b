package io.github.camelzalo.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server that takes requests and never answers: the token endpoint a replica is killed in front of, so that
 * it dies holding the refresh lease with its refresh token unspent. Counts the connections it took.
 */
final class BlackHole implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    BlackHole() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "black-hole");
        accept.setDaemon(true);
        accept.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                held.add(s);
                Thread drain = new Thread(() -> drain(s), "black-hole-read");
                drain.setDaemon(true);
                drain.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void drain(Socket s) {
        try (InputStream in = s.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // read, never answer
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/zalo/oauth";
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
