package io.github.camelzalo.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link ClusterNode} in a JVM of its own, on this JVM's class path: its standard output is read line by line,
 * its log goes to {@code target/multi-jvm/<name>.log}.
 */
final class Replica implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();

    private Replica(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, "replica-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Replica start(String name, String... args) throws IOException {
        Path reports = Path.of(System.getProperty("cluster.reports", "target/multi-jvm"));
        Files.createDirectories(reports);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ClusterNode.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.to(reports.resolve(name + ".log").toFile()));
        return new Replica(name, pb.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.equals("READY")) {
                    ready.complete(null);
                } else if (line.startsWith("RESULT ")) {
                    result.complete(JSON.readValue(line.substring(7), new TypeReference<Map<String, Object>>() {
                    }));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        IllegalStateException gone = new IllegalStateException("Replica " + name + " ended without a result; see "
                                                               + name + ".log");
        ready.completeExceptionally(gone);
        result.completeExceptionally(gone);
    }

    void awaitReady(long seconds) throws Exception {
        ready.get(seconds, TimeUnit.SECONDS);
    }

    /** Tells a waiting replica to go. */
    void go() throws IOException {
        OutputStream in = process.getOutputStream();
        in.write("GO\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    Map<String, Object> result(long seconds) throws Exception {
        return result.get(seconds, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the JVM ends at once, whatever it holds. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }

    static long number(Map<String, Object> result, String key) {
        return ((Number) result.get(key)).longValue();
    }
}
