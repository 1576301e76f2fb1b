package io.github.camelzalo.component.zalo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/**
 * One element of a transaction or promotion template: a banner image, a header, a paragraph of text, or a table
 * of key/value rows. Made with the factories, validated there.
 */
public final class OaElement {

    static final int MAX_CONTENT_LENGTH = 1000;
    static final int MAX_ROWS = 20;
    static final int MAX_CELL_LENGTH = 200;

    /** Zalo's element types. */
    public enum Type {
        banner, header, text, table
    }

    /** Where the text of a header or text element is aligned. */
    public enum Align {
        left, center, right
    }

    private final Type type;
    private final String imageUrl;
    private final String attachmentId;
    private final String content;
    private final Align align;
    private final Map<String, String> rows;

    private OaElement(Type type, String imageUrl, String attachmentId, String content, Align align,
                      Map<String, String> rows) {
        this.type = type;
        this.imageUrl = imageUrl;
        this.attachmentId = attachmentId;
        this.content = content;
        this.align = align;
        this.rows = rows;
    }

    /** A banner image at {@code url} (http or https). */
    public static OaElement bannerUrl(String url) {
        return new OaElement(Type.banner, Checks.imageUrl("element.imageUrl", url), null, null, null, null);
    }

    /** A banner image uploaded to Zalo. */
    public static OaElement bannerAttachment(String attachmentId) {
        return new OaElement(Type.banner, null, Checks.attachmentId("element.attachmentId", attachmentId), null, null,
                null);
    }

    public static OaElement header(String content, Align align) {
        return new OaElement(Type.header, null, null, OaChecks.text("element.content", content, MAX_CONTENT_LENGTH),
                align, null);
    }

    public static OaElement header(String content) {
        return header(content, Align.left);
    }

    public static OaElement text(String content, Align align) {
        return new OaElement(Type.text, null, null, OaChecks.text("element.content", content, MAX_CONTENT_LENGTH),
                align, null);
    }

    public static OaElement text(String content) {
        return text(content, Align.left);
    }

    /** Rows of a key and a value, in the map's order. */
    public static OaElement table(Map<String, ?> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new ZaloValidationException("element.content", "must have at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw new ZaloValidationException("element.content",
                    "must not have more than " + MAX_ROWS + " rows, but has " + rows.size());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        rows.forEach((k, v) -> copy.put(OaChecks.text("element.key", k, MAX_CELL_LENGTH),
                OaChecks.text("element.value", v == null ? null : String.valueOf(v), MAX_CELL_LENGTH)));
        return new OaElement(Type.table, null, null, null, null, Collections.unmodifiableMap(copy));
    }

    public Type getType() {
        return type;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getAttachmentId() {
        return attachmentId;
    }

    public String getContent() {
        return content;
    }

    public Align getAlign() {
        return align;
    }

    /** The rows of a table, key to value, in order; {@code null} for other types. */
    public Map<String, String> getRows() {
        return rows;
    }

    static List<OaElement> copyOf(List<OaElement> elements) {
        return Collections.unmodifiableList(new ArrayList<>(elements));
    }

    @Override
    public String toString() {
        return "OaElement[" + type + (rows != null ? ", " + rows.size() + " rows" : "") + "]";
    }
}
