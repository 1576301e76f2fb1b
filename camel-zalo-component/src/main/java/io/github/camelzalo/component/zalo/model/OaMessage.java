package io.github.camelzalo.component.zalo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/**
 * What an OA message says, for the official Zalo API (provider {@code zalo}): a text (optionally quoting an earlier
 * message, optionally with buttons), an image, GIF or sticker with an optional caption, a file, a request for the
 * user's contact details, or a transaction or promotion template. Validated when built.
 *
 * <pre>{@code
 * OaMessage.text("Đơn hàng đã được giao");
 * OaMessage.builder().text("Quý khách cần hỗ trợ?")
 *         .button(OaButton.queryShow("Gọi lại cho tôi", "#callback"))
 *         .button(OaButton.openUrl("Xem đơn hàng", "https://shop.example/orders/1001")).build();
 * OaMessage.builder().template(OaMessage.TemplateType.transaction_order)
 *         .element(OaElement.bannerUrl("https://shop.example/banner.png"))
 *         .element(OaElement.header("Đơn hàng đã giao"))
 *         .element(OaElement.table(Map.of("Mã đơn", "1001", "Tổng", "250.000đ")))
 *         .button(OaButton.openUrl("Chi tiết", "https://shop.example/orders/1001")).build();
 * }</pre>
 *
 * A YAML route gives the same as a map, see {@link #fromMap(Map)}.
 */
public final class OaMessage {

    static final int MAX_BUTTONS = 5;
    static final int MAX_ELEMENTS = 10;
    static final int MAX_QUOTE_ID_LENGTH = 128;
    static final int MAX_FILE_TOKEN_LENGTH = 2048;
    static final int MAX_USER_INFO_TEXT = 200;

    /** What kind of message this is, which decides its JSON. */
    public enum Kind {
        TEXT, MEDIA, FILE, REQUEST_USER_INFO, TEMPLATE
    }

    /** The media of a media message. GIFs and stickers are sent by attachment id only. */
    public enum MediaType {
        image, gif, sticker
    }

    /** Zalo's template types: the transaction ones go to {@code /message/transaction}, promotion to its own. */
    public enum TemplateType {
        transaction_order, transaction_billing, transaction_reward, transaction_contract, transaction_booking,
        transaction_membership, transaction_event, promotion;

        public OaMessageType messageType() {
            return this == promotion ? OaMessageType.promotion : OaMessageType.transaction;
        }
    }

    private final Kind kind;
    private final String text;
    private final String quoteMessageId;
    private final MediaType mediaType;
    private final String mediaUrl;
    private final String mediaAttachmentId;
    private final String fileToken;
    private final List<OaButton> buttons;
    private final String userInfoTitle;
    private final String userInfoSubtitle;
    private final String userInfoImageUrl;
    private final TemplateType templateType;
    private final String language;
    private final List<OaElement> elements;

    private OaMessage(Builder b) {
        int attachments = (b.mediaType != null ? 1 : 0) + (b.fileToken != null ? 1 : 0)
                          + (b.userInfoTitle != null ? 1 : 0) + (b.templateType != null ? 1 : 0);
        if (attachments > 1) {
            throw new ZaloValidationException("message", "has more than one of image, file, request for user info"
                                                         + " and template: a message carries one");
        }
        this.kind = b.mediaType != null ? Kind.MEDIA : b.fileToken != null ? Kind.FILE
                : b.userInfoTitle != null ? Kind.REQUEST_USER_INFO : b.templateType != null ? Kind.TEMPLATE : Kind.TEXT;
        if (b.text != null && (kind == Kind.FILE || kind == Kind.REQUEST_USER_INFO || kind == Kind.TEMPLATE)) {
            throw new ZaloValidationException("message.text", "cannot go with a " + kind.name().toLowerCase(Locale.ROOT)
                                                              .replace('_', ' ')
                                                              + " message: "
                                                              + (kind == Kind.TEMPLATE ? "put it in a text element"
                                                                      : "send it as a message of its own"));
        }
        if (kind == Kind.TEXT && b.text == null) {
            throw new ZaloValidationException("message.text", "is required for a text message");
        }
        if (b.quoteMessageId != null && kind != Kind.TEXT) {
            throw new ZaloValidationException("message.quoteMessageId", "can only quote with a text message");
        }
        if (!b.buttons.isEmpty() && kind != Kind.TEXT && kind != Kind.TEMPLATE) {
            throw new ZaloValidationException("message.buttons", "go with a text or a template only");
        }
        if (b.buttons.size() > MAX_BUTTONS) {
            throw new ZaloValidationException("message.buttons",
                    "must not be more than " + MAX_BUTTONS + ", but are " + b.buttons.size());
        }
        if (!b.buttons.isEmpty() && b.quoteMessageId != null) {
            throw new ZaloValidationException("message.quoteMessageId", "cannot go with buttons");
        }
        if (kind == Kind.MEDIA) {
            if ((b.mediaUrl == null) == (b.mediaAttachmentId == null)) {
                throw new ZaloValidationException("message.image", "needs exactly one of a URL and an attachment id");
            }
            if (b.mediaType != MediaType.image && b.mediaUrl != null) {
                throw new ZaloValidationException("message.image",
                        "a " + b.mediaType + " is sent by attachment id (upload it first), not by URL");
            }
        }
        if (kind == Kind.TEMPLATE && b.elements.isEmpty()) {
            throw new ZaloValidationException("message.template.elements", "must have at least one element");
        }
        if (b.elements.size() > MAX_ELEMENTS) {
            throw new ZaloValidationException("message.template.elements",
                    "must not be more than " + MAX_ELEMENTS + ", but are " + b.elements.size());
        }
        if (!b.elements.isEmpty() && kind != Kind.TEMPLATE) {
            throw new ZaloValidationException("message.template.elements", "go with a template only");
        }
        this.text = b.text == null ? null : OaChecks.text("message.text", b.text, OaChecks.MAX_OA_TEXT_LENGTH);
        this.quoteMessageId = b.quoteMessageId == null ? null
                : OaChecks.token("message.quoteMessageId", b.quoteMessageId, MAX_QUOTE_ID_LENGTH);
        this.mediaType = b.mediaType;
        this.mediaUrl = b.mediaUrl == null ? null : Checks.imageUrl("message.image.url", b.mediaUrl);
        this.mediaAttachmentId = b.mediaAttachmentId == null ? null
                : Checks.attachmentId("message.image.attachmentId", b.mediaAttachmentId);
        this.fileToken = b.fileToken == null ? null
                : OaChecks.token("message.file.token", b.fileToken, MAX_FILE_TOKEN_LENGTH);
        this.buttons = b.buttons.isEmpty() ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(b.buttons));
        this.userInfoTitle = b.userInfoTitle == null ? null
                : OaChecks.text("message.requestUserInfo.title", b.userInfoTitle, MAX_USER_INFO_TEXT);
        this.userInfoSubtitle = b.userInfoSubtitle == null ? null
                : OaChecks.text("message.requestUserInfo.subtitle", b.userInfoSubtitle, MAX_USER_INFO_TEXT);
        this.userInfoImageUrl = b.userInfoImageUrl == null ? null
                : Checks.imageUrl("message.requestUserInfo.imageUrl", b.userInfoImageUrl);
        this.templateType = b.templateType;
        this.language = b.language == null ? "VI" : b.language.strip().toUpperCase(Locale.ROOT);
        if (!this.language.equals("VI") && !this.language.equals("EN")) {
            throw new ZaloValidationException("message.template.language", "must be VI or EN");
        }
        this.elements = OaElement.copyOf(b.elements);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static OaMessage text(String text) {
        return builder().text(text).build();
    }

    public static OaMessage image(String url, String caption) {
        return builder().image(url).text(caption).build();
    }

    public static OaMessage file(String token) {
        return builder().file(token).build();
    }

    /**
     * A message from the shape a YAML route writes, the builder's names as keys:
     *
     * <pre>
     * text: "Quý khách cần hỗ trợ?"
     * quoteMessageId: "…"                              # a reply to that message
     * image: {url: "https://…"}                         # or {attachmentId: "…", type: gif|sticker}
     * file: {token: "…"}
     * requestUserInfo: {title: "…", subtitle: "…", imageUrl: "https://…"}
     * buttons:
     *   - {title: "Xem đơn", type: oa.open.url, url: "https://…"}
     *   - {title: "Gọi lại", type: oa.query.show, payload: "#callback"}
     *   - {title: "Gọi", type: oa.open.phone, phone: "0981234980"}
     *   - {title: "Nhắn", type: oa.open.sms, phone: "0981234980", content: "…"}
     * template:
     *   type: transaction_order                         # … or promotion
     *   language: VI
     *   elements:
     *     - {type: banner, imageUrl: "https://…"}        # or attachmentId
     *     - {type: header, content: "…", align: left}
     *     - {type: text, content: "…"}
     *     - {type: table, rows: {"Mã đơn": "1001"}}
     * </pre>
     */
    public static OaMessage fromMap(Map<?, ?> map) {
        MapReader m = new MapReader("message", map);
        Builder b = builder().text(m.text("text")).quote(m.text("quoteMessageId"));
        MapReader image = m.map("image");
        if (image != null) {
            String type = image.text("type");
            MediaType mediaType = type == null ? MediaType.image : MapReader.enumOf(MediaType.class, type,
                    "message.image.type");
            b.media(mediaType, image.text("url"), image.text("attachmentId"));
        }
        MapReader file = m.map("file");
        if (file != null) {
            b.file(file.text("token"));
        }
        MapReader info = m.map("requestUserInfo");
        if (info != null) {
            b.requestUserInfo(info.text("title"), info.text("subtitle"), info.text("imageUrl"));
        }
        for (MapReader button : m.maps("buttons")) {
            b.button(OaButton.of(OaButton.Action.of(button.required("type"), button.field("type")),
                    button.text("title"), button.firstText("url", "payload", "phone"), button.text("content")));
        }
        MapReader template = m.map("template");
        if (template != null) {
            b.template(MapReader.enumOf(TemplateType.class, template.required("type"), "message.template.type"));
            b.language(template.text("language"));
            for (MapReader e : template.maps("elements")) {
                OaElement.Type type = MapReader.enumOf(OaElement.Type.class, e.required("type"),
                        e.field("type"));
                String align = e.text("align");
                OaElement.Align a = align == null ? OaElement.Align.left
                        : MapReader.enumOf(OaElement.Align.class, align, e.field("align"));
                b.element(switch (type) {
                    case banner -> e.text("imageUrl") != null ? OaElement.bannerUrl(e.text("imageUrl"))
                            : OaElement.bannerAttachment(e.text("attachmentId"));
                    case header -> OaElement.header(e.text("content"), a);
                    case text -> OaElement.text(e.text("content"), a);
                    case table -> OaElement.table(e.rows("rows"));
                });
            }
        }
        return b.build();
    }

    public Kind getKind() {
        return kind;
    }

    /** The message type this message must be sent as, or {@code null} when any fits (consultation by default). */
    public OaMessageType requiredType() {
        return templateType != null ? templateType.messageType() : OaMessageType.consultation;
    }

    /** The text, or an image's caption; {@code null} when there is none. */
    public String getText() {
        return text;
    }

    public String getQuoteMessageId() {
        return quoteMessageId;
    }

    public MediaType getMediaType() {
        return mediaType;
    }

    public String getMediaUrl() {
        return mediaUrl;
    }

    public String getMediaAttachmentId() {
        return mediaAttachmentId;
    }

    public String getFileToken() {
        return fileToken;
    }

    public List<OaButton> getButtons() {
        return buttons;
    }

    public String getUserInfoTitle() {
        return userInfoTitle;
    }

    public String getUserInfoSubtitle() {
        return userInfoSubtitle;
    }

    public String getUserInfoImageUrl() {
        return userInfoImageUrl;
    }

    public TemplateType getTemplateType() {
        return templateType;
    }

    public String getLanguage() {
        return language;
    }

    public List<OaElement> getElements() {
        return elements;
    }

    @Override
    public String toString() {
        // never the text: it is the customer's conversation
        StringBuilder sb = new StringBuilder("OaMessage[").append(kind);
        if (text != null) {
            sb.append(", text of ").append(text.codePointCount(0, text.length())).append(" characters");
        }
        if (mediaType != null) {
            sb.append(", ").append(mediaType);
        }
        if (templateType != null) {
            sb.append(", ").append(templateType).append(" with ").append(elements.size()).append(" elements");
        }
        if (!buttons.isEmpty()) {
            sb.append(", ").append(buttons.size()).append(" buttons");
        }
        return sb.append(']').toString();
    }

    public static final class Builder {
        private String text;
        private String quoteMessageId;
        private MediaType mediaType;
        private String mediaUrl;
        private String mediaAttachmentId;
        private String fileToken;
        private final List<OaButton> buttons = new ArrayList<>();
        private String userInfoTitle;
        private String userInfoSubtitle;
        private String userInfoImageUrl;
        private TemplateType templateType;
        private String language;
        private final List<OaElement> elements = new ArrayList<>();

        /** The text of a text message, or the caption of an image. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Makes the text a reply to the message with this id. */
        public Builder quote(String messageId) {
            this.quoteMessageId = messageId;
            return this;
        }

        public Builder image(String url) {
            return media(MediaType.image, url, null);
        }

        public Builder imageAttachment(String attachmentId) {
            return media(MediaType.image, null, attachmentId);
        }

        public Builder gif(String attachmentId) {
            return media(MediaType.gif, null, attachmentId);
        }

        public Builder sticker(String attachmentId) {
            return media(MediaType.sticker, null, attachmentId);
        }

        public Builder media(MediaType type, String url, String attachmentId) {
            this.mediaType = type;
            this.mediaUrl = url;
            this.mediaAttachmentId = attachmentId;
            return this;
        }

        /** A file by the token {@code zalo:upload} returned. */
        public Builder file(String token) {
            this.fileToken = token;
            return this;
        }

        public Builder button(OaButton button) {
            this.buttons.add(button);
            return this;
        }

        /** Asks the user to share name, phone and address with the OA. */
        public Builder requestUserInfo(String title, String subtitle, String imageUrl) {
            if (title == null) {
                throw new ZaloValidationException("message.requestUserInfo.title", "is required");
            }
            this.userInfoTitle = title;
            this.userInfoSubtitle = subtitle;
            this.userInfoImageUrl = imageUrl;
            return this;
        }

        public Builder template(TemplateType type) {
            this.templateType = type;
            return this;
        }

        /** The template's language, {@code VI} (the default) or {@code EN}. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder element(OaElement element) {
            this.elements.add(element);
            return this;
        }

        public OaMessage build() {
            return new OaMessage(this);
        }
    }

    /** Reads the map a YAML route wrote, naming the path of a wrong entry. */
    private static final class MapReader {
        private final String path;
        private final Map<?, ?> map;

        MapReader(String path, Map<?, ?> map) {
            this.path = path;
            this.map = map;
        }

        String field(String key) {
            return path + "." + key;
        }

        String text(String key) {
            Object v = map.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
            throw new ZaloValidationException(field(key), "must be text, but was a " + v.getClass().getSimpleName());
        }

        String required(String key) {
            String v = text(key);
            if (v == null || v.isBlank()) {
                throw new ZaloValidationException(field(key), "is required");
            }
            return v;
        }

        String firstText(String... keys) {
            for (String k : keys) {
                String v = text(k);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        MapReader map(String key) {
            Object v = map.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> m) {
                return new MapReader(field(key), m);
            }
            throw new ZaloValidationException(field(key), "must be a map");
        }

        List<MapReader> maps(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw new ZaloValidationException(field(key), "must be a list");
            }
            List<MapReader> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    throw new ZaloValidationException(field(key) + "[" + i + "]", "must be a map");
                }
                out.add(new MapReader(field(key) + "[" + i + "]", m));
            }
            return out;
        }

        /** A table's rows: a map of key to value, or Zalo's own list of {@code {key, value}}. */
        Map<String, ?> rows(String key) {
            Object v = map.get(key) != null ? map.get(key) : map.get("content");
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> rows = new LinkedHashMap<>();
                m.forEach((k, value) -> rows.put(String.valueOf(k), value));
                return rows;
            }
            if (v instanceof List<?>) {
                Map<String, Object> rows = new LinkedHashMap<>();
                for (MapReader row : maps(map.get(key) != null ? key : "content")) {
                    rows.put(row.required("key"), row.text("value"));
                }
                return rows;
            }
            throw new ZaloValidationException(field(key), "must be a map of row keys to values");
        }

        static <E extends Enum<E>> E enumOf(Class<E> type, String name, String field) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(name.strip())) {
                    return e;
                }
            }
            throw new ZaloValidationException(field, "must be one of "
                                                     + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
