package io.github.camelzalo.sandbox;

/**
 * A message a provider handler asks the {@link Messenger} to send: what, of which type, through whom.
 *
 * @param detail     the request's message as JSON text (Zalo's own API), or {@code null}
 * @param templateId the ZNS template, or {@code null}
 * @param trackingId the ZNS tracking id, or {@code null}
 */
record Draft(String provider, String tenant, MessageType type, String format, String text, Long scriptId,
        String imageUrl, String attachmentId, String detail, String templateId, String trackingId) {

    static Draft text(String tenant, String text) {
        return new Draft("caresoft", tenant, MessageType.CONSULTATION, OutboxMessage.FORMAT_TEXT, text, null, null,
                null, null, null, null);
    }

    static Draft script(String tenant, Script script, String rendered) {
        return new Draft("caresoft", tenant, script.type(), OutboxMessage.FORMAT_SCRIPT, rendered, script.id(), null,
                null, null, null, null);
    }

    static Draft image(String imageUrl, String attachmentId) {
        return new Draft("etelecom", null, MessageType.CONSULTATION, OutboxMessage.FORMAT_IMAGE, null, null,
                imageUrl, attachmentId, null, null, null);
    }

    /** A message of Zalo's own OA API. */
    static Draft zalo(MessageType type, String format, String text, String imageUrl, String attachmentId,
                      String detail) {
        return new Draft(OutboxMessage.PROVIDER_ZALO, null, type, format, text, null, imageUrl, attachmentId, detail,
                null, null);
    }

    /** A ZNS template message. */
    static Draft zns(String text, String templateId, String trackingId, String detail) {
        return new Draft(OutboxMessage.PROVIDER_ZALO, null, MessageType.ZNS, OutboxMessage.FORMAT_ZNS, text, null,
                null, null, detail, templateId, trackingId);
    }
}
