package io.github.camelzalo.component.zalo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The component page documents every option and header the component has, and the docs' recipes stay right. */
class DocumentationTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```|\\[source,java]\\n----\\n(.*?)----");

    /**
     * A matching onException takes Camel's useOriginalMessage flag from itself, not from the dead-letter channel: a
     * snippet that sets it only on the channel dead-letters every ZaloApiException with the body the route made.
     */
    @Test
    void everyDeadLetterRecipeThatKeepsTheOriginalMessageSetsItOnTheOnExceptionToo() throws IOException {
        List<String> recipes = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = JAVA_BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                String code = m.group(1) != null ? m.group(1) : m.group(2);
                int onException = code.indexOf("onException(");
                if (code.contains("deadLetterChannel(") && code.contains(".useOriginalMessage()") && onException >= 0) {
                    recipes.add(doc.toString());
                    assertThat(code.substring(onException)).as("the onException of a recipe in " + doc)
                            .contains(".useOriginalMessage()");
                }
            }
        }
        assertThat(recipes).as("recipes found").hasSizeGreaterThanOrEqualTo(2);
    }

    /** The README, docs/ and the component page. */
    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(REPOSITORY.resolve("README.md"));
        docs.add(Path.of("src/main/docs/zalo-component.adoc"));
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
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
