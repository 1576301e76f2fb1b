package io.github.camelzalo.sandbox;

import java.util.List;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route of the project README, as printed there, against the sandbox's sample data: only the accounts'
 * base URLs and keys come from the sandbox.
 */
class ReadmeRouteTest extends CamelTestSupport {

    private ZaloSandbox sandbox;

    /** The body the README's route reads {@code ${body.phone}} from. */
    public record Order(String phone) {
        public String getPhone() {
            return phone;
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sandbox = ZaloSandbox.builder().sampleData().build().start();
        CamelContext context = super.createCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(sandbox.caresoftBaseUrl());
        zalo.getCaresoft().setApiKey(sandbox.caresoftApiKey());
        zalo.getEtelecom().setBaseUrl(sandbox.etelecomBaseUrl());
        zalo.getEtelecom().setApiKey(sandbox.etelecomApiKey());
        zalo.getConfiguration().setOaId(sandbox.oaId());
        context.addComponent("zalo", zalo);
        return context;
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // verbatim from README.md, "A route"
                from("direct:orderShipped")
                    .setHeader("CamelZaloPhoneNo", simple("${body.phone}"))       // 0981234980, 84981234980, +84 98 123 4980
                    .to("zalo:userStatus")                                          // body: UserStatus
                    .choice()
                        .when(simple("${body.canSendConsultationMessage}"))
                            .setBody(constant("Đơn hàng của quý khách đã được giao. Cảm ơn quý khách!"))
                            .to("zalo:send")                                        // free text, CareSoft
                        .when(simple("${body.canSendTransactionMessage}"))
                            .setHeader("CamelZaloScriptId", constant(608))          // a script configured in CareSoft
                            .setHeader("CamelZaloTemplateParams", constant(Map.of("username", "Anh Tân")))
                            .to("zalo:send")
                        .otherwise()
                            .log("Zalo may not message ${header.CamelZaloPhoneNo} now");
            }
        };
    }

    @Test
    void script608RunsForACustomerOutsideTheConsultationWindow() {
        // Phạm Minh Đức follows the OA but last wrote 10 days ago: transaction yes, consultation no
        template.sendBody("direct:orderShipped", new Order("0987654321"));
        template.sendBody("direct:orderShipped", new Order("+84 98 123 4980"));

        List<OutboxMessage> duc = sandbox.outbox().messagesTo("0987654321");
        assertThat(duc).singleElement().satisfies(m -> {
            assertThat(m.scriptId()).isEqualTo(608L);
            assertThat(m.type()).isEqualTo(MessageType.TRANSACTION);
            assertThat(m.text()).startsWith("Chào Anh Tân, đơn hàng của quý khách đã được giao");
        });
        assertThat(sandbox.outbox().messagesTo("0981234980")).singleElement()
                .extracting(OutboxMessage::format, OutboxMessage::text)
                .containsExactly("text", "Đơn hàng của quý khách đã được giao. Cảm ơn quý khách!");
    }
}
