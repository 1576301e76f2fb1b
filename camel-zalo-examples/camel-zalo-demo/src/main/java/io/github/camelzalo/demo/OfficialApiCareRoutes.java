package io.github.camelzalo.demo;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The same customer-care run through the official Zalo OA API (provider {@code zalo}), for the same customers: the
 * official API has no user-status lookup, so each customer's profile is read ({@code zalo:userProfile}) and the
 * consultation text is simply tried. When Zalo no longer allows it (the window closed, or the user never wrote),
 * the customer gets the "order confirmed" ZNS template by phone instead; followers also get the promotion image,
 * uploaded once at the start ({@code zalo:upload}) and sent by its attachment id. The OA's access token is the
 * component's business: when it expires mid-run it is refreshed once and no message fails for it.
 */
public class OfficialApiCareRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // safe to send again (a 429-like -32, 503, a refused connection): retried, judged after every failure; the
        // rest go to the dead letter channel with their exception
        errorHandler(deadLetterChannel("direct:oa-dead-letter"));
        onException(ZaloApiException.class)
                .retryWhile(simple("${exception.retryable} == true && ${header.CamelRedeliveryCounter} <= 3"))
                .redeliveryDelay(1000).asyncDelayedRedelivery();

        from("timer:official-api?repeatCount=1").routeId("official-api")
                .setBody(method("banner", "bytes"))
                .setHeader(Exchange.FILE_NAME, constant("khuyen-mai-thang-12.png"))
                .to("zalo:upload")
                .setProperty("bannerId", header(ZaloConstants.ATTACHMENT_ID))
                .setBody(method("customers", "load"))
                .bean("campaign", "start")
                .split(body())
                    .to("direct:oa-customer")
                .end()
                .bean("tokens", "report")
                // with the sandbox: customers write, the demo answers (CustomerRepliesRoutes), they read. The wait
                // for the answers goes on a thread of its own: this route continues on the component's worker pool
                // after its last call, and the answers' routes need those workers too
                .threads(1)
                .bean("conversations", "simulate")
                .bean("campaign", "finish");

        from("direct:oa-customer").routeId("oa-customer")
                .setProperty("customer", body())
                .bean("midRun", "next")
                .choice()
                    .when(simple("${body.zaloId} == null"))
                        .bean("campaign", "skippedBecause('not on Zalo')")
                    .otherwise()
                        .to("direct:oa-notify")
                .end();

        from("direct:oa-notify").routeId("oa-notify")
                .setHeader(ZaloConstants.USER_ID, simple("${body.zaloId}"))
                .setHeader(ZaloConstants.PHONE_NO, simple("${body.phone}"))
                .to("zalo:userProfile")
                .setProperty("follower", simple("${body.follower}"))
                .setBody(simple("Chào ${exchangeProperty.customer.name}, đơn hàng ${exchangeProperty.customer.orderId}"
                                + " đang trên đường giao. Cần hỗ trợ, anh/chị cứ nhắn cho chúng tôi nhé!"))
                .doTry()
                    .to("zalo:send?provider=zalo")
                    .bean("campaign", "oaTextSent")
                    .to("direct:oa-image")
                .doCatch(ZaloApiException.class)
                    .onWhen(simple("${exception.kind} in 'OUTSIDE_WINDOW,NOT_FOLLOWER'"))
                    .setHeader(ZaloConstants.TEMPLATE_ID, simple("{{demo.zns-template-id}}"))
                    .setHeader(ZaloConstants.TEMPLATE_DATA, simple("${exchangeProperty.customer.znsData}"))
                    .to("zalo:sendZns")
                    .bean("campaign", "znsSent")
                .end();

        // followers also get the promotion image, uploaded once, with a caption
        from("direct:oa-image").routeId("oa-image")
                .filter(simple("${exchangeProperty.follower} == true"))
                    .setHeader(ZaloConstants.ATTACHMENT_ID, exchangeProperty("bannerId"))
                    .setHeader(ZaloConstants.MESSAGE, constant("Ưu đãi tháng 12 dành riêng cho quý khách"))
                    .to("zalo:sendImage?provider=zalo")
                    .bean("campaign", "oaImageSent")
                .end();

        from("direct:oa-dead-letter").routeId("oa-dead-letter")
                .bean("campaign", "deadLettered");
    }
}
