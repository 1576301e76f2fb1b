package io.github.camelzalo.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The runnable jar as a user starts it, with one {@code java -jar} in a directory outside the repository. Runs in
 * the integration-test phase, where failsafe names the jar just packaged; a unit-test run that selects it (such as
 * {@code -Dtest='io.github.camelzalo.sandbox.**'}) skips it, since the jar does not exist yet.
 */
class RunnableJarIT {

    private static final Pattern LISTENING = Pattern.compile("Zalo sandbox on (http://127\\.0\\.0\\.1:\\d+) ");

    @TempDir
    Path elsewhere;

    private Process java(String... args) throws IOException {
        String built = System.getProperty("sandbox.runnableJar");
        assumeTrue(built != null, "the runnable jar is tested after it is packaged, by failsafe");
        Path jar = Path.of(built);
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        // stderr to a file: destroy() closes the pipes, and the log is read after the process ended
        return new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectError(elsewhere.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void helpListsTheOptionsAndExitsZero() throws Exception {
        Process p = java("--help");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        CommandLineTest.EVERY_OPTION.forEach(o -> assertThat(out).contains(o));
    }

    @Test
    void aWrongOptionExitsTwoWithTheReason() throws Exception {
        Process p = java("--prot=8089");

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(elsewhere.resolve("stderr.txt"));
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("Unknown option --prot");
    }

    @Test
    void itServesTheSampleDataAndLogsWithoutWarnings() throws Exception {
        Files.writeString(elsewhere.resolve("customers.csv"), """
                phone,contact_id,zalo_id,name,follows,last_interaction
                0961000001,700001,8941234567136301,Đặng Văn Lâm,true,-1h
                """);
        Process p = java("--port=0", "--customers=customers.csv");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            StringBuilder banner = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                banner.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
                if (line.startsWith("Ctrl-C")) {
                    break;
                }
            }
            assertThat(base).as(banner.toString()).isNotNull();
            assertThat(banner).contains("(1 customers)").contains("608").contains("2450001");

            HttpResponse<String> scripts = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/sandbox/scripts")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(scripts.statusCode()).isEqualTo(200);
            assertThat(scripts.body()).contains("\"script_id\":608").contains("\"parameters\":[\"username\"]");
            HttpResponse<String> inbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(inbox.statusCode()).isEqualTo(200);
            assertThat(inbox.body()).contains("<title>Zalo sandbox inbox</title>");
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String err = Files.readString(elsewhere.resolve("stderr.txt"));
        assertThat(err).contains("Zalo sandbox listening on").doesNotContain("SLF4J").doesNotContain("WARN");
    }
}
