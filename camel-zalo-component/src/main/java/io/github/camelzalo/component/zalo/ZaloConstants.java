package io.github.camelzalo.component.zalo;

import org.apache.camel.spi.Metadata;

/**
 * The headers of the {@code zalo:} component. Only these {@code CamelZalo*} data headers are read; endpoint and
 * connection settings (base URL, API key) can never be changed by a header.
 */
public final class ZaloConstants {

    public static final String SCHEME = "zalo";

    @Metadata(label = "producer", description = "The customer's Vietnamese mobile number, e.g. 0981234980 or"
                                                + " 84981234980, with or without a plus sign, spaces, dots or dashes."
                                                + " For userStatus (else the String body) and for send by phone.",
              javaType = "String")
    public static final String PHONE_NO = "CamelZaloPhoneNo";

    @Metadata(label = "producer", description = "For send: the recipient's CareSoft contact id (the userId of a"
                                                + " UserStatus), instead of CamelZaloPhoneNo.",
              javaType = "String")
    public static final String CONTACT_ID = "CamelZaloContactId";

    @Metadata(label = "common", description = "The recipient's Zalo user id (the zaloPsid of a UserStatus): for"
                                              + " sendImage, and for every send of provider zalo. Never a CareSoft"
                                              + " contact id: zalo:send ignores it with CareSoft. Set by zalo:events"
                                              + " to the user the event is about (the sender, follower or"
                                              + " recipient), so that zalo:send answers them.",
              javaType = "String")
    public static final String USER_ID = "CamelZaloUserId";

    @Metadata(label = "common", description = "The Zalo Official Account id. Overrides the endpoint's oaId. Set by"
                                              + " zalo:events to the OA the event is about.",
              javaType = "String")
    public static final String OA_ID = "CamelZaloOaId";

    @Metadata(label = "producer", description = "For send: the id of a Zalo script (template) configured in"
                                                + " CareSoft. A positive integer, given as a number (Long, Integer or"
                                                + " Short) or as text of digits, which is what a YAML route or a"
                                                + " property placeholder gives.",
              javaType = "Long")
    public static final String SCRIPT_ID = "CamelZaloScriptId";

    @Metadata(label = "producer", description = "For send with a script: the parameters substituted into the"
                                                + " script, String keys to text, number or boolean values: a Map, or"
                                                + " the same as a JSON object in a String, which a YAML route or Camel"
                                                + " JBang can write.",
              javaType = "java.util.Map<String, Object>")
    public static final String TEMPLATE_PARAMS = "CamelZaloTemplateParams";

    @Metadata(label = "producer", description = "For send with a script: one parameter per header, the name after"
                                                + " the dot, e.g. CamelZaloTemplateParam.username. Adds to"
                                                + " CamelZaloTemplateParams; a name given both ways is refused.",
              javaType = "Object")
    public static final String TEMPLATE_PARAM = "CamelZaloTemplateParam.";

    @Metadata(label = "producer", description = "For send: the message text, at most 1000 characters. When absent"
                                                + " and no script id is given, the String body is the text.",
              javaType = "String")
    public static final String MESSAGE = "CamelZaloMessage";

    @Metadata(label = "producer", description = "For sendImage: the http(s) URL of the image.", javaType = "String")
    public static final String IMAGE_URL = "CamelZaloImageUrl";

    @Metadata(label = "producer", description = "For sendImage: the id of an image uploaded to Zalo (instead of"
                                                + " CamelZaloImageUrl).",
              javaType = "String")
    public static final String ATTACHMENT_ID = "CamelZaloAttachmentId";

    @Metadata(label = "common", description = "Set after sendImage and the sends of provider zalo: the id of the"
                                              + " message Zalo created. Set by zalo:events to the event's"
                                              + " message.msg_id (the message received, delivered or reacted to), when"
                                              + " it has one.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelZaloMessageId";

    @Metadata(label = "producer", description = "Set after sendImage: which quota paid for the message: reply,"
                                                + " sub_quota, purchase_quota or reward_quota.",
              javaType = "String")
    public static final String QUOTA_TYPE = "CamelZaloQuotaType";

    @Metadata(label = "producer", description = "Set after sendImage: how many free sends that quota has left.",
              javaType = "Long")
    public static final String QUOTA_REMAIN = "CamelZaloQuotaRemain";

    @Metadata(label = "producer", description = "Set after send: the provider's result code (ok).",
              javaType = "String")
    public static final String RESULT_CODE = "CamelZaloResultCode";

    @Metadata(label = "producer", description = "Set after every call to the provider, whether it succeeded or"
                                                + " failed: the provider that handled it, caresoft or etelecom. (Input"
                                                + " refused before sending calls no provider and sets none.)",
              javaType = "String")
    public static final String PROVIDER = "CamelZaloProvider";

    @Metadata(label = "producer", description = "Set after a call that was answered with a rate-limit error (HTTP"
                                                + " 429) and sent again: how many times it was sent again.",
              javaType = "Integer")
    public static final String RATE_LIMIT_RESENDS = "CamelZaloRateLimitResends";

    @Metadata(label = "producer", description = "Provider zalo, for send: consultation (the default), transaction"
                                                + " or promotion. A template message goes as the type its template"
                                                + " needs.",
              javaType = "String")
    public static final String MESSAGE_TYPE = "CamelZaloMessageType";

    @Metadata(label = "producer", description = "Provider zalo, for send: the id of an earlier message that this"
                                                + " text replies to (quotes).",
              javaType = "String")
    public static final String QUOTE_MESSAGE_ID = "CamelZaloQuoteMessageId";

    @Metadata(label = "producer", description = "Provider zalo, for sendImage: image (the default), gif or sticker."
                                                + " GIFs and stickers are sent by CamelZaloAttachmentId.",
              javaType = "String")
    public static final String MEDIA_TYPE = "CamelZaloMediaType";

    @Metadata(label = "producer", description = "Provider zalo: for sendFile, the token of a file from upload; set"
                                                + " by upload when it uploaded a file.",
              javaType = "String")
    public static final String FILE_TOKEN = "CamelZaloFileToken";

    @Metadata(label = "producer", description = "Provider zalo, for upload: image (jpg or png, up to 1 MB), gif (up"
                                                + " to 5 MB) or file (up to 5 MB). By default chosen from the content"
                                                + " type, else the file name, else the first bytes.",
              javaType = "String")
    public static final String UPLOAD_TYPE = "CamelZaloUploadType";

    @Metadata(label = "producer", description = "Provider zalo, for followers: the first user of the page, from 0.",
              javaType = "Integer")
    public static final String OFFSET = "CamelZaloOffset";

    @Metadata(label = "producer", description = "Provider zalo, for followers: how many users the page has, 1 to"
                                                + " 50.",
              javaType = "Integer")
    public static final String COUNT = "CamelZaloCount";

    @Metadata(label = "producer", description = "Provider zalo: for sendZns, the ZNS template to send; for"
                                                + " znsTemplate, the template to describe (else all are listed).",
              javaType = "String")
    public static final String TEMPLATE_ID = "CamelZaloTemplateId";

    @Metadata(label = "producer", description = "Provider zalo, for sendZns: the template's parameters, String keys"
                                                + " to text or number values, as a Map or as a JSON object in"
                                                + " text.",
              javaType = "java.util.Map<String, Object>")
    public static final String TEMPLATE_DATA = "CamelZaloTemplateData";

    @Metadata(label = "producer", description = "Provider zalo, for sendZns: one template parameter per header, the"
                                                + " name after the dot, e.g. CamelZaloTemplateData.customer. Adds to"
                                                + " CamelZaloTemplateData; a name given both ways is refused.",
              javaType = "Object")
    public static final String TEMPLATE_DATA_PARAM = "CamelZaloTemplateData.";

    @Metadata(label = "common", description = "Provider zalo, for sendZns: the sender's own id of the message (at"
                                              + " most 48 characters), echoed in its delivery event. Defaults to the"
                                              + " exchange id; set after sendZns to the id sent. Set by zalo:events on"
                                              + " the delivery of a ZNS message (user_received_message).",
              javaType = "String")
    public static final String TRACKING_ID = "CamelZaloTrackingId";

    @Metadata(label = "consumer", description = "Set by zalo:events: the event's name, e.g. user_send_text, follow,"
                                                + " user_received_message.",
              javaType = "String")
    public static final String EVENT_NAME = "CamelZaloEventName";

    @Metadata(label = "consumer", description = "Set by zalo:events: when Zalo says the event happened (its"
                                                + " timestamp).",
              javaType = "java.time.Instant")
    public static final String EVENT_TIME = "CamelZaloEventTime";

    private ZaloConstants() {
    }
}
