package io.github.camelzalo.component.zalo.springboot;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the starter in step with the component: every option in the component's zalo.json must be a
 * {@code camel.component.zalo.*} property in the metadata IDEs read. An option added to ZaloComponent without a field
 * in {@link ZaloComponentConfiguration} fails here instead of being silently ignored by Spring Boot users.
 */
class ZaloStarterMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionHasADocumentedSpringBootProperty() throws Exception {
        JsonNode component = read("META-INF/io/github/camelzalo/component/zalo/zalo.json");
        Set<String> documented = documentedProperties();

        List<String> missing = new ArrayList<>();
        component.get("componentProperties").fieldNames().forEachRemaining(option -> {
            String key = "camel.component.zalo." + kebab(option);
            // a nested account (caresoft, etelecom) is documented through its properties: caresoft.api-key, ...
            boolean nested = documented.stream().anyMatch(p -> p.startsWith(key + "."));
            if (!documented.contains(key) && !nested) {
                missing.add(key);
            }
        });

        assertThat(missing).as("options of zalo.json without a documented field in ZaloComponentConfiguration")
                .isEmpty();
        assertThat(documented).contains("camel.component.zalo.enabled");
    }

    /**
     * The defaults IDEs show for the Spring Boot keys are the catalog's (which CatalogTest holds to the code's): the
     * starter's fields have none of their own, so only its metadata says them, and it must not drift.
     */
    @Test
    void everySpringBootDefaultIsTheComponentsDefault() throws Exception {
        JsonNode component = read("META-INF/io/github/camelzalo/component/zalo/zalo.json");
        Map<String, String> springDefaults = new HashMap<>();
        Enumeration<URL> files = ZaloStarterMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        for (URL file : Collections.list(files)) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    if (property.has("defaultValue")) {
                        springDefaults.put(property.get("name").asText(), property.get("defaultValue").asText());
                    }
                }
            }
        }
        List<String> drift = new ArrayList<>();
        component.get("componentProperties").properties().forEach(option -> {
            String key = "camel.component.zalo." + kebab(option.getKey());
            JsonNode catalogDefault = option.getValue().get("defaultValue");
            String expected = catalogDefault == null ? null : catalogDefault.asText();
            if (!java.util.Objects.equals(expected, springDefaults.get(key))) {
                drift.add(key + ": catalog " + expected + ", Spring Boot metadata " + springDefaults.get(key));
            }
        });
        assertThat(drift).as("defaults that differ").isEmpty();
    }

    /** Every jar brings its own metadata file (camel-spring-boot too); collect the documented properties of all. */
    private static Set<String> documentedProperties() throws Exception {
        Set<String> documented = new HashSet<>();
        Enumeration<URL> files = ZaloStarterMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        for (URL file : Collections.list(files)) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : JSON.readTree(in).path("properties")) {
                    if (!property.path("description").asText().isBlank()) {
                        documented.add(property.get("name").asText());
                    }
                }
            }
        }
        return documented;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = ZaloStarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
