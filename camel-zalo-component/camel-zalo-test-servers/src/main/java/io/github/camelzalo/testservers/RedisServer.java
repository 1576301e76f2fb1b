package io.github.camelzalo.testservers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package) on a free port of 127.0.0.1, without persistence, in a temporary
 * directory; stopped by {@link #close()}. Found on the {@code PATH} or at {@code $REDIS_SERVER}. When it is not
 * installed, {@link #start()} skips the test ({@link LocalServers#unavailable}).
 * <p>
 * It can also be made to misbehave: {@link #freeze()} stops the process (connections stay open, nothing answers),
 * {@link #kill()} ends it (connections are refused) and {@link #restart()} starts it again, empty, on the same port.
 */
public final class RedisServer implements AutoCloseable {

    private static final String HOW_TO_ENABLE = "install redis-server (apt-get install redis-server) or set"
                                                + " REDIS_SERVER to run the Redis tests";
    private static RedisServer shared;

    private final Path program;
    private final Path directory;
    private final int port;
    private Process process;

    private RedisServer(Path program, Path directory, int port) {
        this.program = program;
        this.directory = directory;
        this.port = port;
    }

    /** A new server, or the test is skipped (outside CI) when redis-server is not installed. */
    public static RedisServer start() {
        Path program = LocalServers.program("redis-server", System.getenv("REDIS_SERVER"), List.of())
                .orElseThrow(() -> LocalServers.unavailable("redis-server not found", HOW_TO_ENABLE, null));
        try {
            RedisServer server = new RedisServer(program, Files.createTempDirectory("zalo-redis"),
                    LocalServers.freePort());
            server.launch();
            return server;
        } catch (IOException | RuntimeException e) {
            throw LocalServers.unavailable("redis-server did not start: " + e.getMessage(), HOW_TO_ENABLE, e);
        }
    }

    /** One server for the whole JVM (several test classes), stopped when the JVM exits. Emptied by each call. */
    public static synchronized RedisServer shared() {
        if (shared == null || !shared.isRunning()) {
            shared = start();
            RedisServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stop-redis-server"));
        }
        shared.command("FLUSHALL");
        return shared;
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(program.toString(), "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no",
                "--loglevel", "warning", "--protected-mode", "yes");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + ": " + log());
            }
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e.getCause() instanceof IOException io ? io : new IOException(e);
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer PING within 15 s: " + log(), last);
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log")).strip();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Sends one command on a connection of its own and returns the reply: a simple or bulk string, an integer as
     * text, an array as its elements joined by newlines, {@code null} for a null reply.
     */
    public String command(String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("Redis on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static String reply(InputStream in) throws IOException {
        String line = line(in);
        char type = line.charAt(0);
        String rest = line.substring(1);
        switch (type) {
            case '+', ':' -> {
                return rest;
            }
            case '-' -> throw new IOException("Redis error: " + rest);
            case '$' -> {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length + 2);
                return new String(data, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return null;
                }
                List<String> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(reply(in));
                }
                return String.join("\n", items);
            }
            default -> throw new IOException("Unexpected Redis reply: " + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                return sb.toString();
            }
            sb.append((char) c);
        }
        throw new IOException("Redis closed the connection");
    }

    /** Stops the process without ending it: connections stay open and nothing answers, as in a network partition. */
    public synchronized void freeze() {
        signal("STOP");
    }

    public synchronized void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot send SIG" + name + " to redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once, as a crash: connections are refused until {@link #restart()}. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the server again on the same port, empty (it keeps nothing on disk), as after a failover to a new node. */
    public synchronized void restart() {
        kill();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server did not start again", e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            thawQuietly();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LocalServers.deleteTree(directory);
    }

    private void thawQuietly() {
        try {
            signal("CONT");
        } catch (RuntimeException e) {
            // ending it anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "redis-server on 127.0.0.1:" + port;
    }
}
