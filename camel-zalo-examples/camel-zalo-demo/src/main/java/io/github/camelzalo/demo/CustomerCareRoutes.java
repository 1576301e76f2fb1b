package io.github.camelzalo.demo;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The customer-care run in the Java DSL (the same run as {@code routes/customer-care.camel.yaml}): for each customer,
 * check Zalo status, send what Zalo allows now, and dead-letter what fails, with the reason.
 */
public class CustomerCareRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // a provider failure that is safe to send again (429, 503, refused connection) is retried, judged again
        // after every failure (retryWhile, not onWhen: a 503 then a 502 must not be sent a third time); the rest,
        // and invalid input, go to the dead letter channel with their exception
        errorHandler(deadLetterChannel("direct:dead-letter"));
        onException(ZaloApiException.class)
                .retryWhile(simple("${exception.retryable} == true && ${header.CamelRedeliveryCounter} <= 3"))
                .redeliveryDelay(1000).asyncDelayedRedelivery();

        from("timer:customer-care?repeatCount=1").routeId("customer-care")
                .setBody(method("customers", "load"))
                .bean("campaign", "start")
                .split(body())
                    .to("direct:customer")
                .end()
                .bean("campaign", "finish");

        from("direct:customer").routeId("customer")
                .setProperty("customer", body())
                .setHeader(ZaloConstants.PHONE_NO, simple("${body.phone}"))
                .to("zalo:userStatus")
                .setProperty("status", body())
                .choice()
                    .when(simple("${body.canSendConsultationMessage} == true && ${body.consultationMessageFreeRemain} > 0"))
                        .setBody(simple("Chào ${exchangeProperty.customer.name}, đơn hàng ${exchangeProperty.customer.orderId}"
                                        + " đang trên đường giao. Cần hỗ trợ, anh/chị cứ nhắn cho chúng tôi nhé!"))
                        .to("zalo:send")
                        .bean("campaign", "consultationSent")
                    .when(simple("${body.canSendTransactionMessage}"))
                        .setHeader(ZaloConstants.SCRIPT_ID, simple("{{demo.transaction-script-id}}"))
                        .setHeader(ZaloConstants.TEMPLATE_PARAMS, simple("${exchangeProperty.customer.templateParams}"))
                        .to("zalo:send")
                        .bean("campaign", "transactionSent")
                    .otherwise()
                        .bean("campaign", "skipped")
                .end()
                // followers whose consultation window is open also get the promotion image
                .filter(simple("${exchangeProperty.status.following} == true && ${exchangeProperty.status.canSendConsultationMessage} == true"))
                    .setHeader(ZaloConstants.USER_ID, simple("${exchangeProperty.status.zaloPsid}"))
                    .setHeader(ZaloConstants.IMAGE_URL, simple("{{demo.image-url}}"))
                    .to("zalo:sendImage")
                    .bean("campaign", "imageSent")
                .end();

        from("direct:dead-letter").routeId("dead-letter")
                .bean("campaign", "deadLettered");
    }
}
