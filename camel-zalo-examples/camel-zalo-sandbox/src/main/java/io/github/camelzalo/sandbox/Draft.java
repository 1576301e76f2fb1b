package io.github.camelzalo.sandbox;

/** A message a provider handler asks the {@link Messenger} to send: what, of which type, through whom. */
record Draft(String provider, String tenant, MessageType type, String format, String text, Long scriptId,
        String imageUrl, String attachmentId) {

    static Draft text(String tenant, String text) {
        return new Draft("caresoft", tenant, MessageType.CONSULTATION, OutboxMessage.FORMAT_TEXT, text, null, null,
                null);
    }

    static Draft script(String tenant, Script script, String rendered) {
        return new Draft("caresoft", tenant, script.type(), OutboxMessage.FORMAT_SCRIPT, rendered, script.id(), null,
                null);
    }

    static Draft image(String imageUrl, String attachmentId) {
        return new Draft("etelecom", null, MessageType.CONSULTATION, OutboxMessage.FORMAT_IMAGE, null, null,
                imageUrl, attachmentId);
    }
}
