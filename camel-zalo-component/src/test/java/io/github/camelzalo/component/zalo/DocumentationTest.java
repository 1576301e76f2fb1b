package io.github.camelzalo.component.zalo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component page documents every option and header the component has. */
class DocumentationTest {

    /** Every Camel logger that the log check allows to print a key is named where users are told about them. */
    @Test
    void theReliabilityPageNamesEveryCamelLoggerThatPrintsSecrets() throws Exception {
        String page = Files.readString(Path.of("../docs/reliability.md"));
        for (String logger : SecretsNeverLoggedTest.CAMEL_DEBUG_LOGGERS) {
            assertThat(page).as("docs/reliability.md names " + logger).contains("`" + logger + "`");
        }
    }

    @Test
    void theComponentPageListsEveryOptionAndHeader() throws Exception {
        String page = Files.readString(Path.of("src/main/docs/zalo-component.adoc"));
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelzalo/component/zalo/zalo.json")) {
            json = new ObjectMapper().readTree(in);
        }
        json.get("componentProperties").fieldNames()
                .forEachRemaining(name -> assertThat(page).as("component option " + name).contains("| *" + name + "*"));
        json.get("properties").fieldNames()
                .forEachRemaining(name -> assertThat(page).as("endpoint option " + name).contains("| *" + name + "*"));
        json.get("headers").fieldNames()
                .forEachRemaining(name -> assertThat(page).as("header " + name).contains("| `" + name + "`"));
    }
}
