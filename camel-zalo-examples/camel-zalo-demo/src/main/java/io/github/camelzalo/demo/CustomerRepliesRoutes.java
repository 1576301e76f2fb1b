package io.github.camelzalo.demo;

import org.apache.camel.builder.RouteBuilder;

/**
 * The two-way part of the official API's run: what customers write to the OA reaches {@code from("zalo:events")},
 * verified and de-duplicated, and gets an answer chosen by keyword, sent back with {@code zalo:send}: the event
 * already carries the sender's user id and the OA in the headers {@code zalo:send} reads. A second consumer on the
 * same webhook path takes the delivery and seen receipts.
 */
public class CustomerRepliesRoutes extends RouteBuilder {

    static final String CANCEL = "Chúng tôi đã ghi nhận yêu cầu hủy đơn; nhân viên sẽ gọi lại cho anh/chị trong hôm nay.";
    static final String ORDER = "Đơn hàng của anh/chị đang được giao và sẽ đến trong hôm nay. Cảm ơn anh/chị!";
    static final String HOURS = "Cửa hàng mở cửa từ 8:00 đến 21:00 mỗi ngày, kể cả cuối tuần.";
    static final String OTHER = "Cảm ơn anh/chị đã nhắn tin! Nhân viên sẽ trả lời trong ít phút.";

    @Override
    public void configure() {
        from("zalo:events?events=user_send_text").routeId("customer-replies")
                .choice()
                    .when(simple("${body.text} regex '(?is).*(hủy|huỷ|huy don).*'"))
                        .setProperty("topic", constant("cancel")).setBody(constant(CANCEL))
                    .when(simple("${body.text} regex '(?is).*(đơn hàng|don hang|đến đâu).*'"))
                        .setProperty("topic", constant("order status")).setBody(constant(ORDER))
                    .when(simple("${body.text} regex '(?is).*(mấy giờ|mở cửa|gio mo cua).*'"))
                        .setProperty("topic", constant("opening hours")).setBody(constant(HOURS))
                    .otherwise()
                        .setProperty("topic", constant("other")).setBody(constant(OTHER))
                .end()
                // CamelZaloUserId and CamelZaloOaId come from the event: the answer goes to whoever wrote
                .to("zalo:send?provider=zalo")
                .bean("conversations", "replied(${exchangeProperty.topic})");

        from("zalo:events?events=user_received_message,user_seen_message").routeId("receipts")
                .bean("conversations", "receipt");
    }
}
