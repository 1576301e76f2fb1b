package io.github.camelzalo.component.zalo;

import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs by Failsafe against the packaged jar: a clean build must ship the compiled configurers next to the service
 * files that name them, or Camel silently falls back to reflection.
 */
class ZaloJarContentsIT {

    @Test
    void theJarShipsCompiledConfigurersServiceFilesAndComponentJson() throws Exception {
        File location = new File(ZaloComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(location.getName()).as("tests run against the packaged jar").endsWith(".jar");
        try (JarFile jar = new JarFile(location)) {
            List<String> required = List.of(
                    "META-INF/services/org/apache/camel/component/zalo",
                    "META-INF/services/org/apache/camel/configurer/zalo-component",
                    "META-INF/services/org/apache/camel/configurer/zalo-endpoint",
                    "META-INF/services/org/apache/camel/urifactory/zalo-endpoint",
                    "META-INF/io/github/camelzalo/component/zalo/zalo.json",
                    "io/github/camelzalo/component/zalo/ZaloComponentConfigurer.class",
                    "io/github/camelzalo/component/zalo/ZaloEndpointConfigurer.class",
                    "io/github/camelzalo/component/zalo/ZaloEndpointUriFactory.class");
            for (String entry : required) {
                assertThat(jar.getEntry(entry)).as(entry).isNotNull();
            }
            String service = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/org/apache/camel/configurer/zalo-component")).readAllBytes());
            assertThat(service).contains("class=io.github.camelzalo.component.zalo.ZaloComponentConfigurer");
        }
    }

    /** Every Camel component jar has it; tools that find third-party components by scanning jars read it. */
    @Test
    void theJarNamesItsComponentsInComponentProperties() throws Exception {
        File location = new File(ZaloComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String version = location.getName().replaceFirst("^camel-zalo-", "").replaceFirst("\\.jar$", "");
        try (JarFile jar = new JarFile(location)) {
            var entry = jar.getEntry("META-INF/services/org/apache/camel/component.properties");
            assertThat(entry).as("component.properties").isNotNull();
            Properties properties = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                properties.load(in);
            }
            assertThat(properties).containsEntry("components", "zalo")
                    .containsEntry("groupId", "io.github.camelzalo")
                    .containsEntry("artifactId", "camel-zalo")
                    .containsEntry("version", version);
        }
    }
}
