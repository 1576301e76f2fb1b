package io.github.camelzalo.component.zalo;

import java.io.File;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs by Failsafe against the packaged jar: its OSGi headers are what Karaf resolves, so check the promises the
 * Karaf page makes (which Camel, Jackson and HttpClient versions the bundle admits, what it exports) here, in the
 * default build, not only in the slow -Pkaraf verification.
 */
class ZaloBundleManifestIT {

    @Test
    void theJarIsABundleWithTheDocumentedImportRanges() throws Exception {
        Attributes manifest = manifest();
        assertThat(manifest.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("io.github.camelzalo.camel-zalo");

        Map<String, String> imports = clauses(manifest.getValue("Import-Package"));
        // zalo:events only: a bundle that only sends resolves without platform-http
        assertThat(imports.get("org.apache.camel.component.platform.http")).contains("resolution:=optional");
        assertThat(imports).containsKeys("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support",
                "com.fasterxml.jackson.databind", "org.apache.hc.client5.http.impl.async",
                "org.apache.hc.core5.http2");
        imports.forEach((pkg, attributes) -> {
            if (pkg.startsWith("org.apache.camel.") || pkg.equals("org.apache.camel")) {
                assertThat(attributes).as(pkg).contains("version=\"[4.18,4.23)\"");
            } else if (pkg.startsWith("com.fasterxml.jackson.")) {
                assertThat(attributes).as(pkg).contains("version=\"[2.19,3)\"");
            } else if (pkg.startsWith("org.apache.hc.")) {
                // HttpClient 5 jars are no bundles; camel-karaf's wraps export them unversioned, so a range here
                // could never resolve. The feature pins the http-client feature version instead.
                assertThat(attributes).as(pkg).doesNotContain("version=");
            }
            assertThat(pkg).as("the bundle never imports its own packages").doesNotStartWith("io.github.camelzalo");
            assertThat(pkg).as("Spring stays in camel-zalo-starter").doesNotStartWith("org.springframework");
            if (!pkg.startsWith("org.apache.camel.component.platform.http")) {
                assertThat(attributes).as(pkg + " is required, not optional").doesNotContain("resolution:=optional");
            }
        });
    }

    @Test
    void exportsTheRouteApiAndKeepsTheInternalsPrivate() throws Exception {
        Map<String, String> exports = clauses(manifest().getValue("Export-Package"));

        // what the docs tell users to call: ZaloEndpoint.getRateLimitStats() (pacing), HttpClients (transport), the
        // token store SPI and its stores (auth), the monitoring model and the call listener SPI (management), the
        // events' bodies and ZaloEndpoint.getEventsStats() (events)
        assertThat(exports).containsOnlyKeys("io.github.camelzalo.component.zalo",
                "io.github.camelzalo.component.zalo.model", "io.github.camelzalo.component.zalo.auth",
                "io.github.camelzalo.component.zalo.pacing", "io.github.camelzalo.component.zalo.transport",
                "io.github.camelzalo.component.zalo.management", "io.github.camelzalo.component.zalo.events",
                "io.github.camelzalo.component.zalo.model.event");
        assertThat(exports.get("io.github.camelzalo.component.zalo")).contains("version=\"0.1.0\"");
    }

    @Test
    void theKarafFeatureInstallsThisJarOnTheSameCamelRange() throws Exception {
        File jarFile = jar();
        String version = jarFile.getName().replaceFirst("^camel-zalo-", "").replaceFirst("\\.jar$", "");
        String features = Files.readString(jarFile.toPath().resolveSibling("feature/features.xml"));

        assertThat(features).contains("<bundle>mvn:io.github.camelzalo/camel-zalo/" + version + "</bundle>")
                .contains("<feature version=\"[4.18,4.23)\">camel-core</feature>")
                .contains("<feature version=\"[2.19,3)\">jackson</feature>")
                .contains("<feature version=\"[5.4,6)\">http-client</feature>")
                .doesNotContain("${");
    }

    private static File jar() throws Exception {
        File location = new File(ZaloComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(location.getName()).as("tests run against the packaged jar").endsWith(".jar");
        return location;
    }

    private static Attributes manifest() throws Exception {
        try (JarFile jar = new JarFile(jar())) {
            return jar.getManifest().getMainAttributes();
        }
    }

    /** An OSGi header as package name to the rest of its clause; commas inside quotes do not split clauses. */
    private static Map<String, String> clauses(String header) {
        Map<String, String> result = new LinkedHashMap<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String text = clause.toString().strip();
                int semicolon = text.indexOf(';');
                result.put(semicolon < 0 ? text : text.substring(0, semicolon),
                        semicolon < 0 ? "" : text.substring(semicolon + 1));
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return result;
    }
}
