package io.github.camelzalo.testservers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.opentest4j.TestAbortedException;

/**
 * What the servers share: a free port, finding a program, and the rule for a server that is not installed: the tests
 * that need it are skipped with one line saying how to enable them, except under CI ({@code CI=true}), where they
 * must run and so fail.
 */
public final class LocalServers {

    private LocalServers() {
    }

    /** Whether this is a CI run, where every server must be there. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test (JUnit's assumption) with {@code howToEnable}, or fails it under CI.
     *
     * @throws TestAbortedException outside CI
     */
    public static RuntimeException unavailable(String what, String howToEnable, Throwable cause) {
        String message = what + " - " + howToEnable;
        if (underCi()) {
            return new IllegalStateException("CI=true, but " + message, cause);
        }
        return new TestAbortedException(message, cause);
    }

    /** A port nobody listens on right now, on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }

    /** {@code name} from {@code explicit} (an environment variable's value) or the {@code PATH}, or empty. */
    static Optional<Path> program(String name, String explicit, List<Path> moreDirectories) {
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.strip());
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> dirs = new ArrayList<>(moreDirectories);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** The sub-directories of {@code parent} matching a version number, highest first, each with {@code suffix}. */
    static List<Path> versioned(Path parent, String suffix) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(parent)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                            .reversed())
                    .map(p -> p.resolve(suffix)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether this JVM runs as root (which PostgreSQL refuses). */
    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file the server still writes: the temporary directory is cleaned by the OS later
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
