package io.github.camelzalo.sandbox;

import java.time.Instant;

/**
 * One message the sandbox accepted, as delivered to the customer.
 *
 * @param msgId         the message id (eTelecom's {@code msg_id}, the OA API's {@code message_id}, ZNS's
 *                      {@code msg_id})
 * @param time          when it was accepted, by the sandbox clock
 * @param provider      {@code caresoft}, {@code etelecom} or {@code zalo} (Zalo's own OA API and ZNS)
 * @param tenant        the CareSoft tenant it came through, {@code null} otherwise
 * @param oaId          the OA that sent it
 * @param phone         the customer's phone number, national form
 * @param contactId     the customer's CareSoft contact id
 * @param zaloId        the customer's Zalo id
 * @param customerName  the customer's name
 * @param type          consultation, transaction, promotion or zns
 * @param format        what kind of message: {@code text}, {@code script}, {@code image}, {@code gif},
 *                      {@code sticker}, {@code file}, {@code buttons}, {@code request_user_info}, {@code template}
 *                      (a transaction or promotion template) or {@code zns}
 * @param text          the text the customer reads: the free text, the rendered script or ZNS template, a caption,
 *                      a template's header, text and table; {@code null} when there is none
 * @param scriptId      the CareSoft script used, or {@code null}
 * @param imageUrl      the image URL, or {@code null}
 * @param attachmentId  the image's, GIF's or sticker's attachment id, or a file's token, or {@code null}
 * @param quotaType     which quota paid: {@code reply}, {@code sub_quota}, or {@code none} for transaction,
 *                      promotion and ZNS messages (Zalo bills those per message)
 * @param quotaRemain   what that quota has left after this message, {@code null} for {@code none}
 * @param quotaTotal    that quota's size, {@code null} for {@code none}
 * @param quotaExpires  when that quota ends (48 h after the user's message for {@code reply}, the package's end for
 *                      {@code sub_quota}), {@code null} for {@code none}
 * @param detail        the request's {@code message} object (OA API) or the ZNS request, as JSON text, or
 *                      {@code null} for the resellers
 * @param templateId    the ZNS template id, or {@code null}
 * @param trackingId    the ZNS {@code tracking_id} the sender gave, or {@code null}
 */
public record OutboxMessage(String msgId, Instant time, String provider, String tenant, String oaId, String phone,
        String contactId, String zaloId, String customerName, MessageType type, String format, String text,
        Long scriptId, String imageUrl, String attachmentId, String quotaType, Long quotaRemain, Long quotaTotal,
        Instant quotaExpires, String detail, String templateId, String trackingId) {

    public static final String FORMAT_TEXT = "text";
    public static final String FORMAT_SCRIPT = "script";
    public static final String FORMAT_IMAGE = "image";
    public static final String FORMAT_GIF = "gif";
    public static final String FORMAT_STICKER = "sticker";
    public static final String FORMAT_FILE = "file";
    public static final String FORMAT_BUTTONS = "buttons";
    public static final String FORMAT_REQUEST_USER_INFO = "request_user_info";
    public static final String FORMAT_TEMPLATE = "template";
    public static final String FORMAT_ZNS = "zns";
    public static final String QUOTA_REPLY = "reply";
    public static final String QUOTA_SUB = "sub_quota";
    public static final String QUOTA_NONE = "none";
    public static final String PROVIDER_ZALO = "zalo";
}
