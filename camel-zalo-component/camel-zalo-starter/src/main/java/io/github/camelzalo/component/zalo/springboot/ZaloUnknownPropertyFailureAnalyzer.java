package io.github.camelzalo.component.zalo.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a start-up that stopped on a {@code camel.component.zalo.*} key the zalo component does not have: which
 * key, the one probably meant, and every key there is. Spring Boot's own analysis says only that the key "was left
 * unbound". The keys are those of the starter's configuration metadata, which IDEs complete from as well.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ZaloUnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    static final String PREFIX = "camel.component.zalo.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        List<String> unknown = cause.getUnboundProperties().stream().map(ConfigurationProperty::getName)
                .map(Object::toString).filter(name -> name.startsWith(PREFIX)).sorted().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        Set<String> known = knownKeys();
        StringBuilder description = new StringBuilder();
        for (String key : unknown) {
            description.append(key).append(" is not an option of the zalo component, so its value would be unused");
            String meant = closest(key, known);
            if (meant != null) {
                description.append(" (did you mean ").append(meant).append("?)");
            }
            description.append('\n');
        }
        return new FailureAnalysis(description.toString().strip(),
                "Use one of the zalo component's keys: " + String.join(", ", known), cause);
    }

    /** The documented keys under camel.component.zalo, from every jar's Spring configuration metadata. */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL file : Collections.list(ZaloUnknownPropertyFailureAnalyzer.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = file.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith(PREFIX)) {
                            keys.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the analysis still names the unknown key
        }
        return keys;
    }

    /** The known key nearest to {@code key} by edit distance, when it is near enough to be a typo. */
    static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 8) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
