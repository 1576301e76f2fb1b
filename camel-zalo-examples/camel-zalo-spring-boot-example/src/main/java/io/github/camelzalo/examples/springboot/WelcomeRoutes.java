package io.github.camelzalo.examples.springboot;

import io.github.camelzalo.component.zalo.ZaloConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * direct:welcome takes a customer's phone number: checks the customer on Zalo (CareSoft), sends a welcome text when
 * Zalo allows a consultation message (CareSoft), and a welcome image to followers (eTelecom). On start-up the
 * application welcomes the customer welcome.phone once. No account, URL or key appears here: they are the
 * camel.component.zalo.* properties in application.yml.
 */
@Component
public class WelcomeRoutes extends RouteBuilder {

    static final String WELCOME_TEXT = "Chào anh/chị, cảm ơn anh/chị đã quan tâm đến cửa hàng. Chúng tôi có thể giúp gì ạ?";

    @Override
    public void configure() {
        from("timer:welcome-on-start?repeatCount=1").routeId("welcome-on-start")
                .setBody(constant("{{welcome.phone}}"))
                .to("direct:welcome")
                .log("Welcome done; the customer follows the OA: ${body.following}");

        from("direct:welcome").routeId("zalo-welcome")
                .setHeader(ZaloConstants.PHONE_NO, body())
                .to("zalo:userStatus")
                .setProperty("status", body())
                .choice()
                    .when(simple("${body.canSendConsultationMessage}"))
                        .setBody(constant(WELCOME_TEXT))
                        .to("zalo:send")
                .end()
                .filter(simple("${exchangeProperty.status.following}"))
                    .setHeader(ZaloConstants.USER_ID, simple("${exchangeProperty.status.zaloPsid}"))
                    .setHeader(ZaloConstants.IMAGE_URL, simple("{{welcome.image-url}}"))
                    .to("zalo:sendImage")
                .end()
                .setBody(exchangeProperty("status"));
    }
}
