package io.github.camelzalo.component.zalo;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input gets a {@link ZaloValidationException} naming the field, and no request reaches the provider.
 * To add a case, add a row: a name, the endpoint, the body, the headers, and the field the exception must name.
 */
class BadInputCatalogueTest extends ZaloTestSupport {

    private static final String PHONE = ZaloConstants.PHONE_NO;
    private static final String USER = ZaloConstants.USER_ID;
    private static final String OA = ZaloConstants.OA_ID;
    private static final String SCRIPT = ZaloConstants.SCRIPT_ID;
    private static final String PARAMS = ZaloConstants.TEMPLATE_PARAMS;
    private static final String MSG = ZaloConstants.MESSAGE;
    private static final String URL = ZaloConstants.IMAGE_URL;
    private static final String ATTACH = ZaloConstants.ATTACHMENT_ID;

    static Stream<Arguments> catalogue() {
        return Stream.of(
                // userStatus
                row("no phone, no body", "zalo:userStatus", null, PHONE),
                row("body of the wrong type", "zalo:userStatus", 981234980L, PHONE),
                row("phone as a number loses its 0", "zalo:userStatus", null, PHONE, PHONE, 981234980L),
                row("landline, not mobile", "zalo:userStatus", "0243 826 1234", PHONE),
                row("too short", "zalo:userStatus", "098123498", PHONE),
                row("too long", "zalo:userStatus", "09812349801", PHONE),
                row("foreign country code", "zalo:userStatus", "+66 98 123 4980", PHONE),
                row("letters in phone", "zalo:userStatus", "098abc4980", PHONE),
                row("blank phone", "zalo:userStatus", "   ", PHONE),
                row("OA id with letters", "zalo:userStatus", "0981234980", OA, OA, "16001abc"),
                // send: recipient
                row("no recipient", "zalo:send", "Xin chào", PHONE + "/" + USER),
                row("both recipients", "zalo:send", "Xin chào", PHONE + "/" + USER, PHONE, "0981234980", USER, "42"),
                row("contact id with letters", "zalo:send", "Xin chào", USER, USER, "12ab"),
                row("contact id as a decimal", "zalo:send", "Xin chào", USER, USER, 1.5d),
                // send: content
                row("no content", "zalo:send", null, SCRIPT + "/" + MSG, PHONE, "0981234980"),
                row("body not text and no content header", "zalo:send", new byte[] { 1, 2 }, SCRIPT + "/" + MSG,
                        PHONE, "0981234980"),
                row("script and message both explicit", "zalo:send", null, SCRIPT + "/" + MSG,
                        PHONE, "0981234980", SCRIPT, 608, MSG, "Xin chào"),
                row("message over 1000 code points", "zalo:send", "ệ".repeat(1001), MSG, PHONE, "0981234980"),
                row("empty message", "zalo:send", null, MSG, PHONE, "0981234980", MSG, ""),
                row("control character in message", "zalo:send", "Xin\u0000chào", MSG, PHONE, "0981234980"),
                row("script id zero", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, 0),
                row("script id negative", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, -608),
                row("script id not a number", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, "six"),
                row("script id too large", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, 1L << 40),
                row("script id a double", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, 608.5d),
                row("params without script", "zalo:send", "Xin chào", PARAMS, PHONE, "0981234980",
                        PARAMS, Map.of("a", "b")),
                row("params not a map", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, "username=Anh"),
                row("params with a non-string key", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, Map.of(1, "x")),
                row("params with a null value", "zalo:send", null, PARAMS + ".name", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, nullValued("name")),
                row("params with a nested map", "zalo:send", null, PARAMS + ".x", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("x", Map.of("y", "z"))),
                row("no OA id anywhere", "zalo:send?oaId=", "Xin chào", OA, PHONE, "0981234980"),
                // sendImage
                row("image: no recipient", "zalo:sendImage", null, USER, URL, "https://img.example.vn/a.png"),
                row("image: neither url nor attachment", "zalo:sendImage", null, URL + "/" + ATTACH, USER, "42"),
                row("image: both url and attachment", "zalo:sendImage", null, URL + "/" + ATTACH, USER, "42",
                        URL, "https://img.example.vn/a.png", ATTACH, "abc"),
                row("image: ftp url", "zalo:sendImage", null, URL, USER, "42", URL, "ftp://img.example.vn/a.png"),
                row("image: relative url", "zalo:sendImage", null, URL, USER, "42", URL, "/a.png"),
                row("image: javascript url", "zalo:sendImage", null, URL, USER, "42", URL, "javascript:alert(1)"),
                row("image: attachment id with spaces", "zalo:sendImage", null, ATTACH, USER, "42", ATTACH, "a b"),
                row("image: no OA id anywhere", "zalo:sendImage?oaId=", null, OA, USER, "42",
                        URL, "https://img.example.vn/a.png"),
                row("typed send body, no OA id anywhere", "zalo:send?oaId=",
                        SendMessageRequest.text("0981234980", "Xin chào"), OA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedBeforeAnythingIsSent(String name, String uri, Object body, String field, Object[] headers) {
        Exchange out = call(uri, body, headers);

        assertThat(out.getException()).as(name).isInstanceOf(ZaloValidationException.class);
        ZaloValidationException e = (ZaloValidationException) out.getException();
        assertThat(e.getField()).as(name).isEqualTo(field);
        assertThat(e.getRule()).as(name).isNotBlank();
        assertThat(e.getMessage()).as(name).contains(field);
        assertThat(e.isRetryable()).isFalse();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    private static Arguments row(String name, String uri, Object body, String field, Object... headers) {
        return Arguments.of(name, uri, body, field, headers);
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, null);
        return m;
    }
}
