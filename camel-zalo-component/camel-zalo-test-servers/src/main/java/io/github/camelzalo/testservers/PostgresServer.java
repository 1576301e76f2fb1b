package io.github.camelzalo.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (the one installed on the machine: {@code initdb} and {@code postgres} from
 * {@code $PG_BIN}, {@code /usr/lib/postgresql/<version>/bin} or the {@code PATH}) in a new cluster of a temporary
 * directory, on a free port of 127.0.0.1, user {@code zalo} without a password, database {@code postgres}; stopped
 * and deleted by {@link #close()}. PostgreSQL refuses to run as root: as root, both run as the {@code postgres}
 * user ({@code setpriv}). When it is not installed, {@link #start()} skips the test ({@link LocalServers#unavailable}).
 * <p>
 * Durability is traded for speed ({@code fsync=off}): these are tests.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "zalo";
    private static final String HOW_TO_ENABLE = "install PostgreSQL (apt-get install postgresql) or set PG_BIN to the"
                                                + " directory of initdb and postgres to run the PostgreSQL tests";
    private static PostgresServer shared;

    private final Path bin;
    private final Path directory;
    private final int port;
    private Process process;

    private PostgresServer(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** A new server, or the test is skipped (outside CI) when PostgreSQL is not installed. */
    public static PostgresServer start() {
        List<Path> dirs = new ArrayList<>(LocalServers.versioned(Path.of("/usr/lib/postgresql"), "bin"));
        String explicit = System.getenv("PG_BIN");
        Path initdb = LocalServers.program("initdb", explicit == null ? null : Path.of(explicit, "initdb").toString(),
                dirs).orElseThrow(() -> LocalServers.unavailable("PostgreSQL's initdb not found", HOW_TO_ENABLE,
                        null));
        try {
            PostgresServer server = new PostgresServer(initdb.getParent(), Files.createTempDirectory("zalo-pg"),
                    LocalServers.freePort());
            server.launch();
            return server;
        } catch (IOException | RuntimeException e) {
            throw LocalServers.unavailable("PostgreSQL did not start: " + e.getMessage(), HOW_TO_ENABLE, e);
        }
    }

    /** One server for the whole JVM (several test classes), stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null || !shared.isRunning()) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stop-postgres"));
        }
        return shared;
    }

    private void launch() throws IOException {
        if (LocalServers.isRoot()) {
            run(List.of("chown", "postgres:postgres", directory.toString()), false);
        }
        Path data = directory.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync"), true);
        List<String> postgres = new ArrayList<>(asServerUser());
        postgres.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-k", directory.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c",
                "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"));
        ProcessBuilder pb = new ProcessBuilder(postgres);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with " + process.exitValue() + ": " + log());
            }
            if (log().contains("ready to accept connections")) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("PostgreSQL was not ready within 30 s: " + log());
    }

    /** The command's prefix that runs it as the postgres user when this JVM is root, else nothing. */
    private static List<String> asServerUser() {
        return LocalServers.isRoot() ? List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups")
                : List.of();
    }

    private void run(List<String> command, boolean asServerUser) throws IOException {
        List<String> full = new ArrayList<>(asServerUser ? asServerUser() : List.of());
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.redirectErrorStream(true);
        Path out = directory.resolve("setup.log");
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String log() {
        try {
            Path log = directory.resolve("postgres.log");
            return Files.exists(log) ? Files.readString(log).strip() : "";
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}; user {@link #USER}, no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server at once (SIGKILL), as a crash; {@link #close()} still deletes its files. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            // SIGINT: PostgreSQL's fast shutdown, which does not wait for clients (a pool's idle connections)
            try {
                new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            waitForExit();
        }
        LocalServers.deleteTree(directory);
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        return "PostgreSQL on 127.0.0.1:" + port;
    }
}
