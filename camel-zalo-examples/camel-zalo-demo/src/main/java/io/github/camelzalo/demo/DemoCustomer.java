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

    public DemoCustomer(String phone, String name, String orderId) {
        this.phone = phone;
        this.name = name;
        this.orderId = orderId;
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

    /** The parameters of the "order delivered" transaction script. */
    public Map<String, Object> getTemplateParams() {
        return Map.of("username", name, "order_id", orderId);
    }

    @Override
    public String toString() {
        return name + " (" + orderId + ")";
    }
}
