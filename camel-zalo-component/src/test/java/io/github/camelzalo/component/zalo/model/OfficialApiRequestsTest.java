package io.github.camelzalo.component.zalo.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.ZaloValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the official API's requests, checked when they are built, before anything is sent. */
class OfficialApiRequestsTest {

    private static final String USER = "8941234567136201";

    private static void refused(Supplier<?> build, String field, String rule) {
        assertThatThrownBy(build::get).isInstanceOfSatisfying(ZaloValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getRule()).contains(rule);
        });
    }

    @Test
    void textRules() {
        refused(() -> OaMessage.text("x".repeat(2001)), "message.text", "longer than 2000");
        assertThat(OaMessage.text("😀".repeat(2000)).getText()).hasSize(4000);
        refused(() -> OaMessage.text(" "), "message.text", "must not be empty");
        refused(() -> OaMessage.text("a\u0000b"), "message.text", "control characters");
        refused(() -> OaMessage.text("a\ud800b"), "message.text", "lone surrogate");
        refused(() -> OaMessage.builder().build(), "message.text", "is required");
    }

    @Test
    void aMessageCarriesOneAttachment() {
        refused(() -> OaMessage.builder().image("https://a.example/x.png").file("tok").build(), "message",
                "more than one");
        refused(() -> OaMessage.builder().text("caption").file("tok").build(), "message.text",
                "cannot go with a file message");
        refused(() -> OaMessage.builder().gif(null).build(), "message.image", "exactly one");
        refused(() -> OaMessage.builder().media(OaMessage.MediaType.sticker, "https://a.example/s.png", null).build(),
                "message.image", "by attachment id");
        refused(() -> OaMessage.builder().file("tok").quote("m1").build(), "message.quoteMessageId",
                "only quote with a text");
        refused(() -> OaMessage.builder().image("https://a.example/x.png")
                .button(OaButton.queryShow("a", "b")).build(), "message.buttons", "text or a template");
    }

    @Test
    void buttonRules() {
        OaMessage.Builder b = OaMessage.builder().text("Chọn");
        for (int i = 0; i < 6; i++) {
            b.button(OaButton.queryShow("B" + i, "#" + i));
        }
        refused(b::build, "message.buttons", "more than 5");
        refused(() -> OaButton.openUrl("Xem", "ftp://a.example/x"), "button.url", "http or https");
        refused(() -> OaButton.openPhone("Gọi", "12345"), "button.phone", "Vietnamese mobile");
        refused(() -> OaButton.queryShow("", "#x"), "button.title", "must not be empty");
        refused(() -> OaButton.Action.of("oa.open.nothing", "buttons[0].type"), "buttons[0].type", "oa.open.url");
    }

    @Test
    void templateRules() {
        refused(() -> OaMessage.builder().template(OaMessage.TemplateType.transaction_order).build(),
                "message.template.elements", "at least one");
        refused(() -> OaMessage.builder().template(OaMessage.TemplateType.promotion)
                .element(OaElement.header("x")).language("FR").build(), "message.template.language", "VI or EN");
        refused(() -> OaElement.table(Map.of()), "element.content", "at least one row");
        refused(() -> OaMessageRequest.builder().userId(USER).messageType(OaMessageType.promotion)
                .message(OaMessage.builder().template(OaMessage.TemplateType.transaction_order)
                        .element(OaElement.header("x")).build()).build(),
                "CamelZaloMessageType", "is sent as transaction");
        refused(() -> OaMessageRequest.builder().userId(USER).messageType(OaMessageType.promotion)
                .message(OaMessage.file("tok")).build(), "CamelZaloMessageType", "consultation message");
    }

    @Test
    void aYamlMapBecomesTheSameMessage() {
        OaMessage m = OaMessage.fromMap(Map.of(
                "text", "Quý khách cần hỗ trợ?",
                "buttons", List.of(
                        Map.of("title", "Xem đơn", "type", "oa.open.url", "url", "https://shop.example/o/1"),
                        Map.of("title", "Gọi lại", "type", "oa.query.show", "payload", "#callback"),
                        Map.of("title", "Nhắn", "type", "oa.open.sms", "phone", "0981234980", "content", "Hi"))));
        assertThat(m.getKind()).isEqualTo(OaMessage.Kind.TEXT);
        assertThat(m.getButtons()).extracting(OaButton::getAction).containsExactly(OaButton.Action.OPEN_URL,
                OaButton.Action.QUERY_SHOW, OaButton.Action.OPEN_SMS);
        assertThat(m.getButtons().get(2).getPhone()).isEqualTo("84981234980");

        OaMessage t = OaMessage.fromMap(Map.of("template", Map.of("type", "transaction_order", "elements", List.of(
                Map.of("type", "banner", "imageUrl", "https://shop.example/b.png"),
                Map.of("type", "header", "content", "Đơn hàng", "align", "center"),
                Map.of("type", "table", "rows", Map.of("Mã đơn", 1001)),
                Map.of("type", "table", "content", List.of(Map.of("key", "Tổng", "value", "250.000đ")))))));
        assertThat(t.requiredType()).isEqualTo(OaMessageType.transaction);
        assertThat(t.getElements()).extracting(OaElement::getType).containsExactly(OaElement.Type.banner,
                OaElement.Type.header, OaElement.Type.table, OaElement.Type.table);
        assertThat(t.getElements().get(2).getRows()).containsEntry("Mã đơn", "1001");

        refused(() -> OaMessage.fromMap(Map.of("buttons", List.of("not a map"))), "message.buttons[0]",
                "must be a map");
        refused(() -> OaMessage.fromMap(Map.of("text", "x", "buttons", List.of(Map.of("title", "a")))),
                "message.buttons[0].type", "is required");
        refused(() -> OaMessage.fromMap(Map.of("template", Map.of("type", "invoice"))), "message.template.type",
                "must be one of");
    }

    @Test
    void uploadsAreCheckedBeforeSending() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
        byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 };
        assertThat(UploadRequest.builder().content(png).build().getType()).isEqualTo(UploadType.image);
        assertThat(UploadRequest.builder().content(jpeg).build().getContentType()).isEqualTo("image/jpeg");
        assertThat(UploadRequest.builder().content(new byte[] { 1, 2 }).fileName("hd.pdf").build().getType())
                .isEqualTo(UploadType.file);
        refused(() -> UploadRequest.builder().content(new byte[1024 * 1024 + 1]).type(UploadType.image).build(),
                "body", "more than the 1048576 Zalo takes in an upload of type image");
        refused(() -> UploadRequest.builder().content("GIF89a".getBytes(StandardCharsets.US_ASCII))
                .contentType("image/png").build(), "body", "not a jpg or png image (it is a gif)");
        refused(() -> UploadRequest.builder().content(png).contentType("image/webp").build(), "CamelZaloUploadType",
                "jpg and png");
        refused(() -> UploadRequest.builder().content(new byte[0]).build(), "body", "is empty");
        refused(() -> UploadRequest.builder().content(png).fileName("a\"b.png").build(), "CamelFileName",
                "without quotes");
        assertThat(UploadRequest.builder().content(png).fileName("C:\\Users\\an\\ảnh.png").build().getFileName())
                .isEqualTo("ảnh.png");
    }

    @Test
    void znsRules() {
        ZnsRequest ok = ZnsRequest.builder().phoneNo("+84 98 123 4980").templateId(" 2001 ")
                .templateData(Map.of("name", "An")).build();
        assertThat(ok.getPhoneNo()).isEqualTo("0981234980");
        assertThat(ok.getTemplateId()).isEqualTo("2001");
        refused(() -> ZnsRequest.builder().phoneNo("0981234980").templateId("abc").templateData(Map.of()).build(),
                "CamelZaloTemplateId", "numeric");
        refused(() -> ZnsRequest.builder().phoneNo("0981234980").templateId("1").templateData(Map.of())
                .trackingId("x".repeat(49)).build(), "CamelZaloTrackingId", "at most 48");
        refused(() -> ZnsRequest.builder().phoneNo("0981234980").templateId("1")
                .templateData(Map.of("n", List.of())).build(), "CamelZaloTemplateData.n", "text or a number");
        refused(() -> ZnsRequest.builder().phoneNo("0981234980").templateId("1")
                .templateData(Map.of("n", Double.NaN)).build(), "CamelZaloTemplateData.n", "text or a number");
        refused(() -> ZnsRequest.builder().phoneNo("0981234980").templateId("1").build(), "CamelZaloTemplateData",
                "is required");
    }

    @Test
    void followersRules() {
        refused(() -> FollowersRequest.builder().count(51).build(), "CamelZaloCount", "1 to 50");
        refused(() -> FollowersRequest.builder().offset(-1).build(), "CamelZaloOffset", "0 or more");
        refused(() -> FollowersRequest.builder().lastInteractionPeriod("L90D").build(), "lastInteractionPeriod",
                "TODAY, YESTERDAY, L7D or L30D");
    }

    @Test
    void noRequestShowsTheCustomersTextOrNumber() {
        assertThat(OaMessageRequest.text(USER, "Bí mật của khách").toString()).doesNotContain("Bí mật");
        assertThat(ZnsRequest.builder().phoneNo("0981234980").templateId("1").templateData(Map.of("n", "x")).build()
                .toString()).doesNotContain("0981234980").contains("098****980");
        assertThat(OaButton.openPhone("Gọi", "0981234980").toString()).doesNotContain("981234980");
    }
}
