package io.github.camelzalo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zalo script as configured in CareSoft (Admin / Scripts / Zalo scripts): an id, the type of message it sends,
 * and a template whose {@code {{param}}} placeholders are filled from the send's {@code template_params}.
 *
 * @param id       the {@code script_id} a send names
 * @param type     which Zalo permission the message needs
 * @param template the text, e.g. {@code "Chào {{username}}, đơn hàng {{order_id}} đã được giao."}
 */
public record Script(long id, MessageType type, String template) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    public Script {
        if (id <= 0) {
            throw new IllegalArgumentException("A script id must be positive: " + id);
        }
        Objects.requireNonNull(type, "type");
        if (type == MessageType.ZNS) {
            throw new IllegalArgumentException("A CareSoft script is a consultation, transaction or promotion message;"
                                               + " ZNS templates are configured with znsTemplate(…)");
        }
        Objects.requireNonNull(template, "template");
    }

    /** The parameter names the template uses, in order of first appearance. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The text with every placeholder replaced; parameters the template does not use are ignored.
     *
     * @throws IllegalArgumentException naming the first parameter the template needs but {@code params} lacks
     */
    public String render(Map<String, ?> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = params == null ? null : params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template_params." + m.group(1) + " is required by script " + id);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
