package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripts: templates, and the transaction and promotion permissions. */
class ScriptRulesTest extends SandboxFixture {

    static final String ORDER_PARAMS = "{\"username\":\"Chị Bích\",\"order_id\":\"DH-1024\",\"unused\":1}";

    @BeforeEach
    void startSandbox() {
        start(builder());
    }

    @Test
    void aTransactionScriptIsRenderedAndPaysNoConsultationQuota() {
        Answer a = sendScript(NGHIA, SCRIPT_ORDER, ORDER_PARAMS);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().toString()).isEqualTo("{\"code\":\"ok\",\"message\":\"Tạo thành công!\"}");
        OutboxMessage m = lastSent();
        assertThat(m.type()).isEqualTo(MessageType.TRANSACTION);
        assertThat(m.format()).isEqualTo("script");
        assertThat(m.scriptId()).isEqualTo(SCRIPT_ORDER);
        assertThat(m.text()).isEqualTo("Chào Chị Bích, đơn hàng DH-1024 đã được giao.");
        assertThat(m.quotaType()).isEqualTo("none");
        assertThat(m.tenant()).isEqualTo(TENANT);
        assertThat(sandbox.status(NGHIA).consultationMessageFreeRemain()).isEqualTo(8);
    }

    @Test
    void numbersAndBooleansAreAcceptedAsTemplateValues() {
        assertThat(sendScript(NGHIA, SCRIPT_ORDER, "{\"username\":true,\"order_id\":1024}").text("code"))
                .isEqualTo("ok");
        assertThat(lastSent().text()).isEqualTo("Chào true, đơn hàng 1024 đã được giao.");
    }

    @Test
    void transactionNeedsFollowingOrAnInteractionWithin30Days() {
        // Bích does not follow and wrote a day ago
        assertThat(sandbox.status(BICH).canSendTransactionMessage()).isTrue();
        assertThat(sendScript(BICH, SCRIPT_ORDER, ORDER_PARAMS).text("code")).isEqualTo("ok");

        clock.advance(Duration.ofDays(29));

        assertThat(sandbox.status(BICH).canSendTransactionMessage()).isFalse();
        Answer a = sendScript(BICH, SCRIPT_ORDER, ORDER_PARAMS);
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).contains("-213").contains("30 days");
        // followers get them any time
        assertThat(sendScript(DUC, SCRIPT_ORDER, ORDER_PARAMS).text("code")).isEqualTo("ok");
    }

    @Test
    void promotionNeedsFollowing() {
        assertThat(sandbox.status(BICH).canSendPromotionMessage()).isFalse();
        Answer a = sendScript(BICH, SCRIPT_PROMO, "{\"discount\":\"20%\"}");
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).contains("-213");

        sandbox.directory().setFollowing(BICH, true);

        assertThat(sendScript(BICH, SCRIPT_PROMO, "{\"discount\":\"20%\"}").text("code")).isEqualTo("ok");
        assertThat(lastSent().type()).isEqualTo(MessageType.PROMOTION);
        assertThat(lastSent().text()).isEqualTo("Giảm 20% hôm nay!");
    }

    @Test
    void aConsultationScriptFollowsTheConsultationRules() {
        assertThat(sendScript(NGHIA, SCRIPT_WELCOME, "{\"username\":\"anh Nghĩa\"}").text("code")).isEqualTo("ok");
        assertThat(lastSent().quotaType()).isEqualTo("reply");
        assertThat(sendScript(DUC, SCRIPT_WELCOME, "{\"username\":\"anh Đức\"}").text("message")).contains("-230");
    }

    @Test
    void aMissingTemplateParameterIsAValidationError() {
        Answer a = sendScript(NGHIA, SCRIPT_ORDER, "{\"username\":\"A\"}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).isEqualTo("template_params.order_id is required by script 608");
        assertThat(sendScript(NGHIA, SCRIPT_ORDER, null).text("message")).contains("template_params.username");
        assertThat(sandbox.outbox().size()).isZero();
    }

    @Test
    void anUnknownScriptIsRefused() {
        Answer a = sendScript(NGHIA, 999, "{}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).contains("999");
    }

    @Test
    void sendingByContactIdWorksLikeByPhone() {
        Answer a = post("/" + TENANT + "/api/v1/zalo/send-message", CS_KEY,
                "{\"zalo\":{\"user_id\":631292,\"oa_id\":" + OA + ",\"script_id\":\"608\",\"template_params\":"
                                                                                     + ORDER_PARAMS + "}}");

        assertThat(a.text("code")).isEqualTo("ok");
        assertThat(lastSent().phone()).isEqualTo(NGHIA);
    }

    @Test
    void templatesReplaceEveryPlaceholderAndListThem() {
        Script s = new Script(1, MessageType.TRANSACTION, "{{a}}-{{ b }}-{{a}}");

        assertThat(s.parameters()).containsExactly("a", "b");
        assertThat(s.render(Map.of("a", "x$1", "b", 2))).isEqualTo("x$1-2-x$1");
        assertThatThrownBy(() -> s.render(Map.of("a", "x"))).hasMessageContaining("template_params.b");
    }
}
