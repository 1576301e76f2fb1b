package io.github.camelzalo.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The figures the proofs measured: printed, and appended to {@code target/multi-jvm/figures.txt}. */
final class Figures {

    private Figures() {
    }

    static synchronized void record(String line) {
        System.out.println("FIGURE " + line);
        try {
            Path dir = Path.of(System.getProperty("cluster.reports", "target/multi-jvm"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("figures.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // printed above
        }
    }
}
