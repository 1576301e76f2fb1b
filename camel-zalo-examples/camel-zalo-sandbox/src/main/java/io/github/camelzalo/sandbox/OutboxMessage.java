package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * One message the sandbox accepted, as delivered to the customer.
 *
 * @param msgId         the message id (eTelecom's {@code msg_id})
 * @param time          when it was accepted, by the sandbox clock
 * @param provider      {@code caresoft} or {@code etelecom}
 * @param tenant        the CareSoft tenant it came through, {@code null} for eTelecom
 * @param oaId          the OA that sent it
 * @param phone         the customer's phone number, national form
 * @param contactId     the customer's CareSoft contact id
 * @param zaloId        the customer's Zalo id
 * @param customerName  the customer's name
 * @param type          consultation, transaction or promotion
 * @param format        {@code text}, {@code script} or {@code image}
 * @param text          the text the customer reads: the free text, or the rendered script; {@code null} for images
 * @param scriptId      the script used, or {@code null}
 * @param imageUrl      the image URL, or {@code null}
 * @param attachmentId  the image's attachment id, or {@code null}
 * @param quotaType     which quota paid: {@code reply}, {@code sub_quota}, or {@code none} for transaction and
 *                      promotion messages (Zalo bills those per message)
 * @param quotaRemain   what that quota has left after this message, {@code null} for {@code none}
 * @param quotaTotal    that quota's size, {@code null} for {@code none}
 * @param quotaExpires  when that quota ends (48 h after the user's message for {@code reply}, the package's end for
 *                      {@code sub_quota}), {@code null} for {@code none}
 */
public record OutboxMessage(String msgId, Instant time, String provider, String tenant, String oaId, String phone,
        String contactId, String zaloId, String customerName, MessageType type, String format, String text,
        Long scriptId, String imageUrl, String attachmentId, String quotaType, Long quotaRemain, Long quotaTotal,
        Instant quotaExpires) {

    public static final String FORMAT_TEXT = "text";
    public static final String FORMAT_SCRIPT = "script";
    public static final String FORMAT_IMAGE = "image";
    public static final String QUOTA_REPLY = "reply";
    public static final String QUOTA_SUB = "sub_quota";
    public static final String QUOTA_NONE = "none";
}
