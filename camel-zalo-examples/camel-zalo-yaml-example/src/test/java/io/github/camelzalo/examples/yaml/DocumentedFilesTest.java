package io.github.camelzalo.examples.yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Camel JBang page shows the example's two files as they are here, so what a reader copies is what runs. */
class DocumentedFilesTest {

    private static final Path PAGE = Path.of("../../docs/runtime-jbang-yaml.md");

    @ParameterizedTest(name = "{1}")
    @CsvSource({ "yaml, zalo-welcome.camel.yaml", "properties, application.properties" })
    void thePageShowsTheFileAsItIs(String language, String file) throws Exception {
        Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```")
                .matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        assertThat(block.find()).as("a " + language + " block on " + PAGE).isTrue();

        assertThat(block.group(1)).isEqualTo(Files.readString(Path.of("src/main/resources", file),
                StandardCharsets.UTF_8));
    }
}
