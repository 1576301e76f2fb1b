package io.github.camelzalo.component.zalo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelzalo.component.zalo.model.UserStatus;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error handling of docs/reliability.md and the component page, as written there: the dead letter holds the
 * message as it came in, not as the route had changed it (after {@code zalo:userStatus} the body is a
 * {@link UserStatus}), for a validation failure and for a provider failure, retried or not. A matching
 * {@code onException} decides with its own {@code useOriginalMessage} flag, so the recipe sets it there too.
 */
class DeadLetterOriginalMessageTest extends ZaloTestSupport {

    private static final String ORDER = "{\"order\":\"DH1001\",\"phone\":\"0981234980\"}";
    private static final String STATUS = """
            {"code":"ok","data":{"user_id":"631292","zalo_psid":"8941234567136201","following_status":true,
             "can_send_consultation_message":true}}""";

    private final List<Exchange> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // --- as in docs/reliability.md (delays shortened for the test) ---
                errorHandler(deadLetterChannel("direct:dead").useOriginalMessage()
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG));
                onException(ZaloApiException.class)
                        .retryWhile(simple("${exception.retryable} == true && ${exception.kind} != 'LOCKED_OUT'"
                                           + " && ${header.CamelRedeliveryCounter} <= 5"))
                        .useOriginalMessage()
                        .redeliveryDelay(10).useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(50)
                        .asyncDelayedRedelivery();

                // the body is the order that came in; userStatus turns it into a UserStatus
                from("direct:notify")
                        .to("zalo:userStatus")
                        .to("zalo:send");

                from("direct:dead").process(e -> deadLetters.add(e.copy()));
            }
        };
    }

    private void notify(String text) {
        template.send("direct:notify", e -> {
            e.getMessage().setBody(ORDER);
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            if (text != null) {
                e.getMessage().setHeader(ZaloConstants.MESSAGE, text);
            }
        });
    }

    @Test
    void aProviderFailureIsDeadLetteredWithTheOriginalBody() {
        stub(CARESOFT_USER_STATUS, json(200, STATUS));
        stub(CARESOFT_SEND, json(500, "{\"code\":\"errors\",\"message\":\"Lỗi hệ thống\"}"));

        notify("Xin chào");

        Exchange dead = deadLetters.get(0);
        assertThat(dead.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(ZaloApiException.class);
        assertThat(dead.getMessage().getBody()).isEqualTo(ORDER);
        assertThat(dead.getMessage().getHeader(ZaloConstants.MESSAGE)).isEqualTo("Xin chào");
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void aRetriedProviderFailureIsDeadLetteredWithTheOriginalBodyOnceTheRetriesAreSpent() {
        stub(CARESOFT_USER_STATUS, json(200, STATUS));
        stub(CARESOFT_SEND, json(503, "{\"code\":\"errors\",\"message\":\"Bảo trì\"}"));

        notify("Xin chào");

        wireMock.verify(6, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
        Exchange dead = deadLetters.get(0);
        assertThat(((ZaloApiException) dead.getProperty(Exchange.EXCEPTION_CAUGHT)).getKind())
                .isEqualTo(ZaloErrorKind.UNAVAILABLE);
        assertThat(dead.getMessage().getBody()).isEqualTo(ORDER);
    }

    @Test
    void aValidationFailureIsDeadLetteredWithTheOriginalBody() {
        stub(CARESOFT_USER_STATUS, json(200, STATUS));

        // no text: zalo:send finds a UserStatus body and neither a script nor a message
        notify(null);

        Exchange dead = deadLetters.get(0);
        assertThat(dead.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(ZaloValidationException.class);
        assertThat(dead.getMessage().getBody()).isEqualTo(ORDER);
        wireMock.verify(0, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }
}
