package io.github.camelzalo.demo;

import java.util.Map;

/**
 * One row of the customer list: whom to contact about which order. The phone number is passed on as written; the
 * {@code zalo:} component validates it. A bean with getters, so routes can say {@code ${body.name}}.
 */
public final class DemoCustomer {

    private final String phone;
    private final String name;
    private final String orderId;
    private final String zaloId;

    public DemoCustomer(String phone, String name, String orderId) {
        this(phone, name, orderId, null);
    }

    /**
     * @param zaloId the customer's Zalo user id at the OA, which the official API sends to; {@code null} when the
     *               customer has no Zalo account
     */
    public DemoCustomer(String phone, String name, String orderId, String zaloId) {
        this.phone = phone;
        this.name = name;
        this.orderId = orderId;
        this.zaloId = zaloId == null || zaloId.isBlank() ? null : zaloId;
    }

    public String getPhone() {
        return phone;
    }

    public String getName() {
        return name;
    }

    public String getOrderId() {
        return orderId;
    }

    /** The customer's Zalo user id at the OA, or {@code null}. */
    public String getZaloId() {
        return zaloId;
    }

    /** The data of the "order confirmed" ZNS template (the sandbox's template 2450001). */
    public Map<String, Object> getZnsData() {
        return Map.of("customer_name", name, "order_code", orderId, "amount", 250000, "delivery_date", "05/12/2026");
    }

    /** The parameters of the "order delivered" transaction script. */
    public Map<String, Object> getTemplateParams() {
        return Map.of("username", name, "order_id", orderId);
    }

    @Override
    public String toString() {
        return name + " (" + orderId + ")";
    }
}
