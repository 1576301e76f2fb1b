package io.github.camelzalo.component.zalo.binding;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import org.apache.camel.Message;

/**
 * Named parameters (a script's template parameters, a template's data) read the ways every DSL can give them:
 * <ul>
 * <li>one header holding them all: a {@code Map} (Java DSL, a bean), or a JSON object as text
 * ({@code {"username":"Anh Tân"}}), which a YAML or XML route, Camel JBang or an incoming JSON request can write;</li>
 * <li>one header per parameter, named {@code <prefix><name>}, e.g. {@code CamelZaloTemplateParam.username}, which a
 * YAML route sets with one {@code setHeader} each.</li>
 * </ul>
 * Both may be used together; a name given both ways is refused rather than one silently winning. Values are kept as
 * given (text, numbers, booleans); the request they go into checks them.
 */
final class ParameterHeaders {

    /** Far more than the largest valid set of parameters, even written with \\u escapes: a bound, not a limit. */
    static final int MAX_JSON_LENGTH = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ParameterHeaders() {
    }

    /**
     * The parameters, in the order given, or {@code null} when neither form is present.
     *
     * @throws ZaloValidationException naming the header that is not a Map, not a JSON object, or repeats a name
     */
    static Map<?, ?> read(Message m, String allHeader, String onePrefix) {
        Map<Object, Object> params = null;
        Object all = m.getHeader(allHeader);
        if (all instanceof Map<?, ?> map) {
            params = new LinkedHashMap<>(map);
        } else if (all instanceof CharSequence text) {
            params = new LinkedHashMap<>(parseObject(allHeader, text.toString()));
        } else if (all != null) {
            throw new ZaloValidationException(allHeader, "must be a Map, or a JSON object as text such as"
                                                         + " {\"username\":\"An\"}, but was a " + all.getClass().getName());
        }
        for (Map.Entry<String, Object> header : m.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.regionMatches(true, 0, onePrefix, 0, onePrefix.length())) {
                continue;
            }
            String key = name.substring(onePrefix.length());
            if (key.isBlank()) {
                throw new ZaloValidationException(name, "must name the parameter after the dot, e.g. " + onePrefix
                                                        + "username");
            }
            if (params == null) {
                params = new LinkedHashMap<>();
            }
            if (params.containsKey(key)) {
                throw new ZaloValidationException(name, "gives a parameter that " + allHeader + " gives too");
            }
            params.put(key, header.getValue());
        }
        return params;
    }

    /** A JSON object of scalar values, as a map of text, numbers and booleans in the order written. */
    private static Map<String, Object> parseObject(String header, String text) {
        if (text.length() > MAX_JSON_LENGTH) {
            throw new ZaloValidationException(header, "must not be longer than " + MAX_JSON_LENGTH + " characters");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // where, not what: the text may hold anything, and exception messages end up in logs
            JsonLocation at = e.getLocation();
            throw new ZaloValidationException(header, "must be a JSON object such as {\"username\":\"An\"}, but the"
                                                      + " text is not valid JSON"
                                                      + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                                                                           + at.getColumnNr() + ")"));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ZaloValidationException(header, "must be a JSON object such as {\"username\":\"An\"}, but the"
                                                      + " text is empty");
        }
        if (!tree.isObject()) {
            throw new ZaloValidationException(header, "must be a JSON object such as {\"username\":\"An\"}, but the"
                                                      + " text is a JSON " + kind(tree));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                values.put(field.getKey(), value.textValue());
            } else if (value.isNumber()) {
                values.put(field.getKey(), value.numberValue());
            } else if (value.isBoolean()) {
                values.put(field.getKey(), value.booleanValue());
            } else {
                throw new ZaloValidationException(header + "." + field.getKey(),
                        "must be text, a number or a boolean, but is a JSON " + kind(value));
            }
        }
        return values;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "value";
        };
    }
}
