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

    /** Every Camel logger that the log check allows to print a key is named where users are told about them. */
    @Test
    void theReliabilityPageNamesEveryCamelLoggerThatPrintsSecrets() throws Exception {
        String page = Files.readString(Path.of("../docs/reliability.md"));
        for (String logger : SecretsNeverLoggedTest.CAMEL_DEBUG_LOGGERS) {
            assertThat(page).as("docs/reliability.md names " + logger).contains("`" + logger + "`");
        }
    }

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

    /**
     * Where a table in docs/ has a Default column, an option's default there is the catalog's (which CatalogTest holds
     * to the code's): "1048576 (1 MiB)" and "`0` (off)" are read as 1048576 and 0.
     */
    @Test
    void theDefaultsInTheDocsTablesAreTheCatalogs() throws IOException {
        JsonNode json = componentJson();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Path doc : documents()) {
            int defaultColumn = -1;
            for (String line : Files.readString(doc).lines().toList()) {
                if (!line.startsWith("|")) {
                    defaultColumn = -1;
                    continue;
                }
                List<String> cells = List.of(line.substring(1).split("\\|"));
                int header = indexOfIgnoringCase(cells, "default");
                if (header >= 0) {
                    defaultColumn = header;
                    continue;
                }
                Matcher name = Pattern.compile("`([A-Za-z.]+)`").matcher(cells.get(0));
                if (defaultColumn < 0 || defaultColumn >= cells.size() || !name.find()) {
                    continue;
                }
                JsonNode option = json.at("/componentProperties/" + name.group(1).replace("/", "~1"));
                if (option.isMissingNode()) {
                    option = json.at("/properties/" + name.group(1));
                }
                if (option.isMissingNode() || !option.has("defaultValue")) {
                    continue;
                }
                // a URL up to its first space; anything else up to a space, colon or parenthesis ("`0` (off)")
                Matcher shown = Pattern.compile("^(?:https?://\\S+|[^\\s:(]+)")
                        .matcher(cells.get(defaultColumn).replace("`", "").strip());
                String expected = option.get("defaultValue").asText();
                checked.add(doc.getFileName() + " " + name.group(1));
                if (!shown.find() || !shown.group().equals(expected)) {
                    wrong.add(doc.getFileName() + ": " + name.group(1) + " is shown with default '"
                              + cells.get(defaultColumn).strip() + "', the component's is " + expected);
                }
            }
        }
        assertThat(wrong).as("defaults in the docs' tables").isEmpty();
        assertThat(checked).as("options whose default the docs show")
                .contains("pacing.md caresoft.rateLimit", "reliability.md maxConnections");
    }

    private static int indexOfIgnoringCase(List<String> cells, String text) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).strip().equalsIgnoreCase(text)) {
                return i;
            }
        }
        return -1;
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

    /**
     * Every option and header has its row in the component page's tables, with the description, default and type of
     * the component JSON, so that a default or a description changed in the code cannot leave the page behind. On a
     * failure the message shows the row as it should read.
     */
    @Test
    void theComponentPageListsEveryOptionAndHeaderAsTheComponentJsonDescribesThem() throws Exception {
        List<String> lines = Files.readString(Path.of("src/main/docs/zalo-component.adoc")).lines().toList();
        JsonNode json = componentJson();
        List<String> rows = new ArrayList<>();
        json.get("componentProperties").properties().forEach(o -> rows.add(optionRow(o.getKey(), o.getValue())));
        json.get("properties").properties().forEach(o -> rows.add(optionRow(o.getKey(), o.getValue())));
        json.get("headers").properties().forEach(h -> rows.add("| `" + h.getKey() + "` | "
                                                               + h.getValue().get("description").asText() + " | "
                                                               + shortType(h.getValue().get("javaType").asText())));
        List<String> missing = rows.stream().filter(row -> !lines.contains(row)).toList();
        assertThat(missing).as("rows the component page lacks, or has with another description, default or type")
                .isEmpty();
    }

    /** The page's {@code :since:} is the catalog's first version as Camel's tooling renders it (0.1.0 as 0.1). */
    @Test
    void thePageSaysSinceTheFirstVersionAsCamelsToolingRendersIt() throws Exception {
        String page = Files.readString(Path.of("src/main/docs/zalo-component.adoc"));
        String first = componentJson().at("/component/firstVersion").asText();
        String shortVersion = first.endsWith(".0") && first.split("\\.").length == 3
                ? first.substring(0, first.length() - 2) : first;

        assertThat(page).contains("\n:since: " + shortVersion + "\n", "*Since camel-zalo " + shortVersion);
    }

    static JsonNode componentJson() throws IOException {
        try (InputStream in = DocumentationTest.class
                .getResourceAsStream("/META-INF/io/github/camelzalo/component/zalo/zalo.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** A row as Camel's documentation tooling writes it: name (group), description, default, type. */
    private static String optionRow(String name, JsonNode option) {
        JsonNode defaultValue = option.get("defaultValue");
        String shownDefault = defaultValue == null ? ""
                : defaultValue.isBoolean() ? (defaultValue.asBoolean() ? "True" : "False") : defaultValue.asText();
        List<String> enums = new ArrayList<>();
        option.path("enum").forEach(e -> enums.add(e.asText()));
        String type = enums.isEmpty() ? shortType(option.get("javaType").asText()) : String.join(" / ", enums);
        return "| *" + name + "* (" + option.get("group").asText() + ") | " + option.get("description").asText()
               + " | " + shownDefault + " | " + type;
    }

    /** {@code java.lang.String} as {@code String}, {@code java.util.Map<String, Object>} as {@code Map<String, Object>}. */
    private static String shortType(String javaType) {
        String outer = javaType.contains("<") ? javaType.substring(0, javaType.indexOf('<')) : javaType;
        return outer.substring(outer.lastIndexOf('.') + 1) + (javaType.contains("<") ? javaType.substring(javaType.indexOf('<')) : "");
    }
}
