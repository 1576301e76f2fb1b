package io.github.camelzalo.component.zalo.provider.zalo;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelzalo.component.zalo.model.OaButton;
import io.github.camelzalo.component.zalo.model.OaElement;
import io.github.camelzalo.component.zalo.model.OaMessage;
import io.github.camelzalo.component.zalo.model.OaMessageRequest;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.OaMessageType;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * {@code POST {openApiBaseUrl}/v3.0/oa/message/{cs|transaction|promotion}}: every kind of OA message, as
 * {@code {"recipient":{"user_id":…},"message":{…}}}. A reply quotes with {@code quote_message_id} (one of Zalo's
 * samples names it {@code react_message_id}; its SDKs send this one).
 */
final class ZaloMessageCodec implements OperationCodec<OaMessageRequest, OaMessageResult> {

    static final String PATH = "/v3.0/oa/message/";
    private static final Map<OaMessageType, String> PATHS = new EnumMap<>(OaMessageType.class);

    static {
        for (OaMessageType t : OaMessageType.values()) {
            PATHS.put(t, PATH + t.pathSegment());
        }
    }

    @Override
    public String oaId(OaMessageRequest r) {
        return r.getOaId();
    }

    @Override
    public WireRequest request(OaMessageRequest r) {
        byte[] plain = plainText(r);
        return WireRequest.postJson(WireRequest.Api.OPEN_API, PATHS.get(r.getMessageType()),
                plain != null ? plain : body(r));
    }

    /** The body through a JSON tree: every kind of message. */
    static byte[] body(OaMessageRequest r) {
        ObjectNode body = ZaloJson.object();
        body.putObject("recipient").put("user_id", r.getUserId());
        body.set("message", message(r.getMessage()));
        return ZaloJson.bytes(body);
    }

    /**
     * The body of a plain text (no buttons, no quote) written directly, when nothing in it needs escaping: the most
     * common message, whose JSON tree cost more than the rest of building the request. ZaloCodecsTest checks that
     * both ways write the same bytes.
     */
    static byte[] plainText(OaMessageRequest r) {
        OaMessage m = r.getMessage();
        String text = m.getText();
        String userId = r.getUserId();
        if (m.getKind() != OaMessage.Kind.TEXT || !m.getButtons().isEmpty() || m.getQuoteMessageId() != null
            || text == null || userId == null || !ProviderJson.isPlainAscii(userId) || !writtenAsItIs(text)) {
            return null;
        }
        return ("{\"recipient\":{\"user_id\":\"" + userId + "\"},\"message\":{\"text\":\"" + text + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether JSON takes {@code text} as it is: no control character, quote, backslash or surrogate. */
    private static boolean writtenAsItIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static ObjectNode message(OaMessage m) {
        ObjectNode message = ZaloJson.object();
        if (m.getText() != null) {
            message.put("text", m.getText());
        }
        if (m.getQuoteMessageId() != null) {
            message.put("quote_message_id", m.getQuoteMessageId());
        }
        switch (m.getKind()) {
            case TEXT -> {
                if (!m.getButtons().isEmpty()) {
                    ObjectNode payload = template(message);
                    buttons(payload, m);
                }
            }
            case MEDIA -> {
                ObjectNode payload = template(message);
                payload.put("template_type", "media");
                ObjectNode element = payload.putArray("elements").addObject();
                element.put("media_type", m.getMediaType().name());
                if (m.getMediaUrl() != null) {
                    element.put("url", m.getMediaUrl());
                } else {
                    element.put("attachment_id", m.getMediaAttachmentId());
                }
            }
            case FILE -> {
                ObjectNode attachment = message.putObject("attachment");
                attachment.put("type", "file");
                attachment.putObject("payload").put("token", m.getFileToken());
            }
            case REQUEST_USER_INFO -> {
                ObjectNode payload = template(message);
                payload.put("template_type", "request_user_info");
                ObjectNode element = payload.putArray("elements").addObject();
                element.put("title", m.getUserInfoTitle());
                if (m.getUserInfoSubtitle() != null) {
                    element.put("subtitle", m.getUserInfoSubtitle());
                }
                if (m.getUserInfoImageUrl() != null) {
                    element.put("image_url", m.getUserInfoImageUrl());
                }
            }
            case TEMPLATE -> {
                ObjectNode payload = template(message);
                payload.put("template_type", m.getTemplateType().name());
                payload.put("language", m.getLanguage());
                ArrayNode elements = payload.putArray("elements");
                m.getElements().forEach(e -> elements.add(element(e)));
                buttons(payload, m);
            }
        }
        return message;
    }

    private static ObjectNode template(ObjectNode message) {
        ObjectNode attachment = message.putObject("attachment");
        attachment.put("type", "template");
        return attachment.putObject("payload");
    }

    private static ObjectNode element(OaElement e) {
        ObjectNode node = ZaloJson.object();
        node.put("type", e.getType().name());
        switch (e.getType()) {
            case banner -> {
                if (e.getImageUrl() != null) {
                    node.put("image_url", e.getImageUrl());
                } else {
                    node.put("attachment_id", e.getAttachmentId());
                }
            }
            case header, text -> {
                node.put("content", e.getContent());
                node.put("align", e.getAlign().name());
            }
            case table -> {
                ArrayNode rows = node.putArray("content");
                e.getRows().forEach((k, v) -> rows.addObject().put("key", k).put("value", v));
            }
        }
        return node;
    }

    private static void buttons(ObjectNode payload, OaMessage m) {
        if (m.getButtons().isEmpty()) {
            return;
        }
        ArrayNode buttons = payload.putArray("buttons");
        for (OaButton b : m.getButtons()) {
            ObjectNode button = buttons.addObject();
            button.put("title", b.getTitle());
            button.put("type", b.getAction().wireName());
            switch (b.getAction()) {
                case OPEN_URL -> button.putObject("payload").put("url", b.getUrl());
                case QUERY_SHOW, QUERY_HIDE -> button.put("payload", b.getQuery());
                case OPEN_PHONE -> button.putObject("payload").put("phone_code", b.getPhone());
                case OPEN_SMS -> button.putObject("payload").put("phone_code", b.getPhone())
                        .put("content", b.getSmsContent());
            }
        }
    }

    @Override
    public OaMessageResult decode(OaMessageRequest request, HttpReply reply) {
        OaMessageAnswer.Data d = OaMessageAnswer.plainSuccess(reply);
        if (d == null) {
            return decodeInGeneral(request, reply);
        }
        OaMessageResult result = new OaMessageResult();
        result.setMessageId(d.messageId());
        result.setUserId(d.userId());
        result.setMessageType(request.getMessageType());
        result.setQuota(d.quota() == null ? null : d.quota().toQuota());
        return result;
    }

    /** Any answer, through a JSON tree: the failures, and the successes of an unusual shape. */
    OaMessageResult decodeInGeneral(OaMessageRequest request, HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.OA);
        OaMessageResult result = new OaMessageResult();
        result.setMessageId(ZaloJson.text(data, "message_id"));
        result.setUserId(ZaloJson.text(data, "user_id"));
        result.setMessageType(request.getMessageType());
        result.setQuota(ZaloJson.quota(data.get("quota")));
        return result;
    }
}
