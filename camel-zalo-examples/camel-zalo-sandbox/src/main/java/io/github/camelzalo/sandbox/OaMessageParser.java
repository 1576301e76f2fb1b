package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v3.0/oa/message/{cs|transaction|promotion}}, {@code {"recipient":{"user_id"},
 * "message":{…}}}, checked kind by kind as Zalo's SDKs build it. Malformed parts are -201 naming the field, parts
 * over a limit -210, a message kind the endpoint does not take -233. Attachment ids and file tokens must be this
 * OA's uploads of the right kind (-201), not expired (-100).
 */
final class OaMessageParser {

    static final int MAX_TEXT = 2000;
    /** Zalo shows at most five buttons under a message. */
    static final int MAX_BUTTONS = 5;
    static final Set<String> TRANSACTION_TEMPLATES = Set.of("transaction_order", "transaction_billing",
            "transaction_reward", "transaction_contract", "transaction_booking", "transaction_membership",
            "transaction_event");
    static final Set<String> ALIGNS = Set.of("left", "center", "right");
    static final Set<String> LANGUAGES = Set.of("VI", "EN");
    private static final Map<String, MessageType> ENDPOINTS = Map.of("cs", MessageType.CONSULTATION,
            "transaction", MessageType.TRANSACTION, "promotion", MessageType.PROMOTION);

    /**
     * A checked message.
     *
     * @param type           what the message is (and so which rules and quota apply)
     * @param format         the outbox's kind: text, image, gif, sticker, file, buttons, request_user_info, template
     * @param text           what the customer reads as text, or {@code null}
     * @param quoteMessageId the message replied to ({@code quote_message_id} or {@code react_message_id})
     */
    record OaMessage(String userId, MessageType type, String format, String text, String imageUrl,
            String attachmentId, String quoteMessageId, String detail) {
    }

    private final ZaloUploads uploads;

    OaMessageParser(ZaloUploads uploads) {
        this.uploads = uploads;
    }

    /** The message type an endpoint ({@code cs}, {@code transaction}, {@code promotion}) sends, or null. */
    static MessageType endpointType(String endpoint) {
        return ENDPOINTS.get(endpoint);
    }

    OaMessage parse(String endpoint, JsonNode body, String oaId) {
        MessageType endpointType = ENDPOINTS.get(endpoint);
        JsonNode recipient = body.get("recipient");
        if (recipient == null || !recipient.isObject()) {
            throw invalid("recipient is required and must be an object");
        }
        String userId = text(recipient, "user_id", "recipient.user_id");
        if (userId == null || userId.isBlank()) {
            throw invalid("recipient.user_id is required");
        }
        if (!userId.strip().matches("\\d{1,32}")) {
            throw invalid("recipient.user_id is invalid: it must be a Zalo user id (digits)");
        }
        JsonNode message = body.get("message");
        if (message == null || !message.isObject()) {
            throw invalid("message is required and must be an object");
        }
        String text = text(message, "text", "message.text");
        checkLength(text, "message.text");
        String quote = text(message, "quote_message_id", "message.quote_message_id");
        String react = text(message, "react_message_id", "message.react_message_id");
        if (quote != null && react != null && !quote.equals(react)) {
            throw invalid("message.quote_message_id and message.react_message_id name different messages");
        }
        quote = quote != null ? quote : react;
        JsonNode attachment = message.get("attachment");
        Parsed p;
        if (attachment == null || attachment.isNull()) {
            if (text == null || text.isBlank()) {
                throw invalid("message.text is required for a text message");
            }
            p = new Parsed(MessageType.CONSULTATION, OutboxMessage.FORMAT_TEXT, text, null, null);
        } else {
            if (!attachment.isObject()) {
                throw invalid("message.attachment must be an object");
            }
            p = attachment(attachment, text, oaId);
        }
        if (quote != null && (!p.format.equals(OutboxMessage.FORMAT_TEXT))) {
            throw invalid("message.quote_message_id can only quote with a text message");
        }
        if (p.type != endpointType) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -233, "message type invalid: a " + describe(p)
                                                           + " message cannot be sent to /message/" + endpoint);
        }
        return new OaMessage(userId.strip(), p.type, p.format, p.text, p.imageUrl, p.attachmentId,
                quote == null || quote.isBlank() ? null : quote.strip(), message.toString());
    }

    private record Parsed(MessageType type, String format, String text, String imageUrl, String attachmentId) {
    }

    private Parsed attachment(JsonNode attachment, String text, String oaId) {
        String type = text(attachment, "type", "message.attachment.type");
        JsonNode payload = attachment.get("payload");
        if (payload == null || !payload.isObject()) {
            throw invalid("message.attachment.payload is required and must be an object");
        }
        if ("file".equals(type)) {
            String token = text(payload, "token", "message.attachment.payload.token");
            if (token == null || token.isBlank()) {
                throw invalid("message.attachment.payload.token is required for a file");
            }
            uploads.resolve(oaId, token.strip(), Set.of(ZaloUploads.FILE), "message.attachment.payload.token");
            return new Parsed(MessageType.CONSULTATION, OutboxMessage.FORMAT_FILE, blankToNull(text), null,
                    token.strip());
        }
        if (!"template".equals(type)) {
            throw invalid("message.attachment.type must be template or file");
        }
        String templateType = text(payload, "template_type", "message.attachment.payload.template_type");
        if (templateType == null) {
            if (payload.has("buttons")) {
                return buttonsMessage(payload, text);
            }
            throw invalid("message.attachment.payload.template_type is required");
        }
        return switch (templateType) {
            case "media" -> media(payload, text, oaId);
            case "request_user_info" -> requestUserInfo(payload);
            case "promotion" -> template(MessageType.PROMOTION, payload, oaId);
            default -> {
                if (TRANSACTION_TEMPLATES.contains(templateType)) {
                    yield template(MessageType.TRANSACTION, payload, oaId);
                }
                throw invalid("message.attachment.payload.template_type is invalid: " + templateType);
            }
        };
    }

    private Parsed media(JsonNode payload, String caption, String oaId) {
        JsonNode element = single(payload, "message.attachment.payload.elements");
        String path = "message.attachment.payload.elements[0]";
        String mediaType = text(element, "media_type", path + ".media_type");
        String url = blankToNull(text(element, "url", path + ".url"));
        String attachmentId = blankToNull(text(element, "attachment_id", path + ".attachment_id"));
        if (mediaType == null) {
            throw invalid(path + ".media_type is required");
        }
        switch (mediaType) {
            case "image" -> {
                if ((url == null) == (attachmentId == null)) {
                    throw invalid("exactly one of " + path + ".url and " + path + ".attachment_id is required");
                }
                if (url != null && !isHttpUrl(url)) {
                    throw invalid(path + ".url must be an http or https URL");
                }
                if (attachmentId != null) {
                    uploads.resolve(oaId, attachmentId, Set.of(ZaloUploads.IMAGE), path + ".attachment_id");
                }
                return new Parsed(MessageType.CONSULTATION, OutboxMessage.FORMAT_IMAGE, blankToNull(caption), url,
                        attachmentId);
            }
            case "gif", "sticker" -> {
                if (attachmentId == null) {
                    throw invalid(path + ".attachment_id is required for a " + mediaType);
                }
                if (mediaType.equals("gif")) {
                    uploads.resolve(oaId, attachmentId, Set.of(ZaloUploads.GIF), path + ".attachment_id");
                }
                // stickers come from Zalo's own sticker catalogue, which the sandbox does not model: any id is one
                return new Parsed(MessageType.CONSULTATION, mediaType.equals("gif") ? OutboxMessage.FORMAT_GIF
                        : OutboxMessage.FORMAT_STICKER, blankToNull(caption), null, attachmentId);
            }
            default -> throw invalid(path + ".media_type must be image, gif or sticker");
        }
    }

    private Parsed requestUserInfo(JsonNode payload) {
        JsonNode element = single(payload, "message.attachment.payload.elements");
        String path = "message.attachment.payload.elements[0]";
        String title = required(element, "title", path);
        String subtitle = required(element, "subtitle", path);
        String imageUrl = required(element, "image_url", path);
        checkLength(title, path + ".title");
        checkLength(subtitle, path + ".subtitle");
        if (!isHttpUrl(imageUrl)) {
            throw invalid(path + ".image_url must be an http or https URL");
        }
        return new Parsed(MessageType.CONSULTATION, OutboxMessage.FORMAT_REQUEST_USER_INFO, title + "\n" + subtitle,
                imageUrl, null);
    }

    private Parsed buttonsMessage(JsonNode payload, String text) {
        if (text == null || text.isBlank()) {
            throw invalid("message.text is required above buttons");
        }
        buttons(payload.get("buttons"), "message.attachment.payload.buttons", true);
        return new Parsed(MessageType.CONSULTATION, OutboxMessage.FORMAT_BUTTONS, text, null, null);
    }

    private Parsed template(MessageType type, JsonNode payload, String oaId) {
        String path = "message.attachment.payload";
        String language = text(payload, "language", path + ".language");
        if (language != null && !LANGUAGES.contains(language)) {
            throw invalid(path + ".language must be VI or EN");
        }
        JsonNode elements = payload.get("elements");
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            throw invalid(path + ".elements is required and must be a non-empty array");
        }
        StringJoiner text = new StringJoiner("\n");
        String bannerUrl = null;
        String bannerId = null;
        for (int i = 0; i < elements.size(); i++) {
            JsonNode e = elements.get(i);
            String at = path + ".elements[" + i + "]";
            if (!e.isObject()) {
                throw invalid(at + " must be an object");
            }
            String kind = text(e, "type", at + ".type");
            switch (kind == null ? "" : kind) {
                case "banner" -> {
                    String url = blankToNull(text(e, "image_url", at + ".image_url"));
                    String id = blankToNull(text(e, "attachment_id", at + ".attachment_id"));
                    if ((url == null) == (id == null)) {
                        throw invalid("exactly one of " + at + ".image_url and " + at + ".attachment_id is"
                                      + " required");
                    }
                    if (url != null && !isHttpUrl(url)) {
                        throw invalid(at + ".image_url must be an http or https URL");
                    }
                    if (id != null) {
                        uploads.resolve(oaId, id, Set.of(ZaloUploads.IMAGE), at + ".attachment_id");
                    }
                    bannerUrl = bannerUrl == null ? url : bannerUrl;
                    bannerId = bannerId == null ? id : bannerId;
                }
                case "header", "text" -> {
                    String content = required(e, "content", at);
                    checkLength(content, at + ".content");
                    String align = text(e, "align", at + ".align");
                    if (align != null && !ALIGNS.contains(align)) {
                        throw invalid(at + ".align must be left, center or right");
                    }
                    text.add(content);
                }
                case "table" -> {
                    JsonNode rows = e.get("content");
                    if (rows == null || !rows.isArray() || rows.isEmpty()) {
                        throw invalid(at + ".content is required and must be a non-empty array of {key, value}");
                    }
                    for (int r = 0; r < rows.size(); r++) {
                        String row = at + ".content[" + r + "]";
                        if (!rows.get(r).isObject()) {
                            throw invalid(row + " must be an object {key, value}");
                        }
                        text.add(required(rows.get(r), "key", row) + ": " + required(rows.get(r), "value", row));
                    }
                }
                default -> throw invalid(at + ".type must be banner, header, text or table");
            }
        }
        if (payload.has("buttons") && !payload.get("buttons").isNull()) {
            buttons(payload.get("buttons"), path + ".buttons", false);
        }
        return new Parsed(type, OutboxMessage.FORMAT_TEMPLATE, text.length() == 0 ? null : text.toString(),
                bannerUrl, bannerId);
    }

    private static void buttons(JsonNode buttons, String path, boolean required) {
        if (buttons == null || !buttons.isArray()) {
            throw invalid(path + " must be an array");
        }
        if (required && buttons.isEmpty()) {
            throw invalid(path + " must hold at least one button");
        }
        if (buttons.size() > MAX_BUTTONS) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -210, path + " exceeds the limit of " + MAX_BUTTONS
                                                           + " buttons");
        }
        for (int i = 0; i < buttons.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode b = buttons.get(i);
            if (!b.isObject()) {
                throw invalid(at + " must be an object {title, type, payload}");
            }
            required(b, "title", at);
            String type = required(b, "type", at);
            JsonNode payload = b.get("payload");
            switch (type) {
                case "oa.open.url" -> {
                    String url = required(object(payload, at + ".payload"), "url", at + ".payload");
                    if (!isHttpUrl(url)) {
                        throw invalid(at + ".payload.url must be an http or https URL");
                    }
                }
                case "oa.query.show", "oa.query.hide" -> {
                    if (payload == null || !payload.isTextual() || payload.asText().isBlank()) {
                        throw invalid(at + ".payload must be the query text for " + type);
                    }
                }
                case "oa.open.phone" -> required(object(payload, at + ".payload"), "phone_code", at + ".payload");
                case "oa.open.sms" -> {
                    JsonNode p = object(payload, at + ".payload");
                    required(p, "phone_code", at + ".payload");
                    required(p, "content", at + ".payload");
                }
                default -> throw invalid(at + ".type must be oa.open.url, oa.query.show, oa.query.hide,"
                                         + " oa.open.phone or oa.open.sms");
            }
        }
    }

    private static JsonNode single(JsonNode payload, String path) {
        JsonNode elements = payload.get("elements");
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            throw invalid(path + " is required and must hold one element");
        }
        if (elements.size() > 1) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -210, path + " exceeds the limit of 1 element");
        }
        if (!elements.get(0).isObject()) {
            throw invalid(path + "[0] must be an object");
        }
        return elements.get(0);
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path + " must be an object");
        }
        return node;
    }

    private static String required(JsonNode node, String field, String at) {
        String v = text(node, field, at + "." + field);
        if (v == null || v.isBlank()) {
            throw invalid(at + "." + field + " is required");
        }
        return v;
    }

    /** A string field; ids may also come as numbers. */
    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        throw invalid(path + " must be a string");
    }

    private static void checkLength(String text, String path) {
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw Refusal.zalo(Refusal.Kind.INVALID, -210, path + " exceeds the limit of " + MAX_TEXT
                                                           + " characters");
        }
    }

    private static String describe(Parsed p) {
        return switch (p.type) {
            case TRANSACTION -> "transaction template";
            case PROMOTION -> "promotion template";
            default -> p.format.replace('_', ' ');
        };
    }

    static Refusal invalid(String message) {
        return Refusal.zalo(Refusal.Kind.INVALID, -201, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                   && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
