package io.github.camelzalo.component.zalo.model;

import io.github.camelzalo.component.zalo.ZaloValidationException;

/**
 * A button under an OA message: opens a URL, sends a query back to the OA (shown in the chat or hidden), calls or
 * texts a phone number. Made with the factories, validated there.
 */
public final class OaButton {

    static final int MAX_TITLE_LENGTH = 100;
    static final int MAX_PAYLOAD_LENGTH = 1000;

    /** What a tap does, with Zalo's name for it. */
    public enum Action {
        OPEN_URL("oa.open.url"),
        QUERY_SHOW("oa.query.show"),
        QUERY_HIDE("oa.query.hide"),
        OPEN_PHONE("oa.open.phone"),
        OPEN_SMS("oa.open.sms");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** By Zalo's name ({@code oa.open.url}) or this enum's ({@code OPEN_URL}, any case). */
        public static Action of(String name, String field) {
            for (Action a : values()) {
                if (a.wireName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                    return a;
                }
            }
            throw new ZaloValidationException(field, "must be one of oa.open.url, oa.query.show, oa.query.hide,"
                                                     + " oa.open.phone, oa.open.sms");
        }
    }

    private final String title;
    private final Action action;
    private final String url;
    private final String query;
    private final String phone;
    private final String smsContent;

    private OaButton(String title, Action action, String url, String query, String phone, String smsContent) {
        this.title = OaChecks.text("button.title", title, MAX_TITLE_LENGTH);
        this.action = action;
        this.url = url == null ? null : Checks.imageUrl("button.url", url);
        this.query = query == null ? null : OaChecks.text("button.payload", query, MAX_PAYLOAD_LENGTH);
        this.phone = phone == null ? null : PhoneNumbers.toInternational(PhoneNumbers.toNational(phone,
                "button.phone"));
        this.smsContent = smsContent == null ? null : OaChecks.text("button.content", smsContent, MAX_PAYLOAD_LENGTH);
    }

    /** Opens {@code url} (http or https) in Zalo's browser. */
    public static OaButton openUrl(String title, String url) {
        require("button.url", url);
        return new OaButton(title, Action.OPEN_URL, url, null, null, null);
    }

    /** Sends {@code query} back to the OA as the user's message, shown in the chat. */
    public static OaButton queryShow(String title, String query) {
        require("button.payload", query);
        return new OaButton(title, Action.QUERY_SHOW, null, query, null, null);
    }

    /** Sends {@code query} back to the OA without showing it in the chat. */
    public static OaButton queryHide(String title, String query) {
        require("button.payload", query);
        return new OaButton(title, Action.QUERY_HIDE, null, query, null, null);
    }

    /** Calls a Vietnamese number, given in any form the component accepts. */
    public static OaButton openPhone(String title, String phone) {
        require("button.phone", phone);
        return new OaButton(title, Action.OPEN_PHONE, null, null, phone, null);
    }

    /** Opens an SMS to a Vietnamese number with {@code content} filled in. */
    public static OaButton openSms(String title, String phone, String content) {
        require("button.phone", phone);
        require("button.content", content);
        return new OaButton(title, Action.OPEN_SMS, null, null, phone, content);
    }

    /** The button for {@code action}, from the value that action takes ({@code url}, query, phone; sms content). */
    public static OaButton of(Action action, String title, String value, String smsContent) {
        return switch (action) {
            case OPEN_URL -> openUrl(title, value);
            case QUERY_SHOW -> queryShow(title, value);
            case QUERY_HIDE -> queryHide(title, value);
            case OPEN_PHONE -> openPhone(title, value);
            case OPEN_SMS -> openSms(title, value, smsContent);
        };
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ZaloValidationException(field, "is required");
        }
    }

    public String getTitle() {
        return title;
    }

    public Action getAction() {
        return action;
    }

    public String getUrl() {
        return url;
    }

    public String getQuery() {
        return query;
    }

    /** The phone number in international form {@code 84…}, as Zalo takes it. */
    public String getPhone() {
        return phone;
    }

    public String getSmsContent() {
        return smsContent;
    }

    @Override
    public String toString() {
        return "OaButton[" + action.wireName() + (phone != null ? " " + PhoneNumbers.mask(phone) : "") + "]";
    }
}
