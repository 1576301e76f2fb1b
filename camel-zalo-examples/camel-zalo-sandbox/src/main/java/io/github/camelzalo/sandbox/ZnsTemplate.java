package io.github.camelzalo.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ZNS template as the OA registered it with Zalo: only an {@code ENABLE}d template can be sent (else -117), and
 * {@code template_data} must fit its {@link #params() listParams} (else -111 / -112).
 *
 * @param templateId   numeric, as Zalo's are
 * @param templateName its name in Zalo's console
 * @param status       {@code ENABLE}, {@code PENDING_REVIEW}, {@code REJECT} or {@code DISABLE}
 * @param params       its parameters
 * @param content      the text the customer reads, with {@code <param>} placeholders
 * @param price        what one message costs, in VND
 * @param quality      {@code HIGH}, {@code MEDIUM}, {@code LOW} or {@code UNDEFINED}
 */
public record ZnsTemplate(String templateId, String templateName, String status, List<ZnsParam> params,
        String content, long price, String quality) {

    public static final String ENABLE = "ENABLE";
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    public static final String REJECT = "REJECT";
    public static final String DISABLE = "DISABLE";
    /** The {@code status} filter numbers of {@code template/all}. */
    static final Map<String, String> STATUS_BY_NUMBER = Map.of("1", ENABLE, "2", PENDING_REVIEW, "3", REJECT,
            "4", DISABLE);
    private static final Set<String> STATUSES = Set.of(ENABLE, PENDING_REVIEW, REJECT, DISABLE);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_]+)>");

    public ZnsTemplate {
        if (templateId == null || !templateId.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("A ZNS template id is numeric: " + templateId);
        }
        Objects.requireNonNull(templateName, "templateName");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("A ZNS template's status is one of " + STATUSES + ": " + status);
        }
        params = List.copyOf(params);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(quality, "quality");
    }

    /** An approved template, price 300 VND, quality HIGH. */
    public static ZnsTemplate enabled(String templateId, String templateName, String content, ZnsParam... params) {
        return new ZnsTemplate(templateId, templateName, ENABLE, List.of(params), content, 300, "HIGH");
    }

    public ZnsTemplate withStatus(String value) {
        return new ZnsTemplate(templateId, templateName, value, params, content, price, quality);
    }

    /** The content with each {@code <param>} replaced by its value; unknown placeholders stay as they are. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The sample templates: 2450001 order confirmation ({@code customer_name}, {@code order_code},
     * {@code amount}, {@code delivery_date}), 2450002 OTP ({@code otp}), 2450003 pending review, 2450004 rejected,
     * 2450005 disabled.
     */
    public static List<ZnsTemplate> samples() {
        return List.of(
                enabled("2450001", "Xác nhận đơn hàng", "Xin chào <customer_name>, đơn hàng <order_code> trị giá"
                                                        + " <amount>đ sẽ được giao ngày <delivery_date>.",
                        ZnsParam.text("customer_name", 30), ZnsParam.text("order_code", 30),
                        ZnsParam.number("amount", 20), ZnsParam.date("delivery_date")),
                enabled("2450002", "Mã xác thực OTP", "Mã xác thực của quý khách là <otp>. Mã có hiệu lực trong 5"
                                                      + " phút.",
                        new ZnsParam("otp", true, ZnsParam.STRING, 8, 4, false)),
                enabled("2450003", "Khuyến mãi tháng", "Ưu đãi <discount> dành cho <customer_name>!",
                        ZnsParam.text("customer_name", 30), ZnsParam.text("discount", 20)).withStatus(PENDING_REVIEW),
                enabled("2450004", "Nhắc lịch hẹn", "Quý khách có lịch hẹn lúc <time>.", ZnsParam.text("time", 20))
                        .withStatus(REJECT),
                enabled("2450005", "Thông báo cũ", "Thông báo: <note>", ZnsParam.text("note", 100))
                        .withStatus(DISABLE));
    }
}
