package io.github.camelzalo.component.zalo;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.Stream;

import io.github.camelzalo.component.zalo.model.SendImageRequest;
import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import io.github.camelzalo.component.zalo.model.UserStatusRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
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
    private static final String CONTACT = ZaloConstants.CONTACT_ID;
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
                row("no recipient", "zalo:send", "Xin chào", PHONE + "/" + CONTACT),
                row("send: only a Zalo user id, which CareSoft does not take", "zalo:send", "Xin chào",
                        PHONE + "/" + CONTACT, USER, "8941234567136201"),
                row("both recipients", "zalo:send", "Xin chào", PHONE + "/" + CONTACT, PHONE, "0981234980", CONTACT, "42"),
                row("contact id with letters", "zalo:send", "Xin chào", CONTACT, CONTACT, "12ab"),
                row("contact id as a decimal", "zalo:send", "Xin chào", CONTACT, CONTACT, 1.5d),
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
                row("params as a JSON array", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, "[\"Anh\"]"),
                row("params as an empty text", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, "  "),
                row("params JSON with a nested object", "zalo:send", null, PARAMS + ".x", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, "{\"x\":{\"y\":1}}"),
                row("params JSON with a null", "zalo:send", null, PARAMS + ".x", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, "{\"x\":null}"),
                row("params JSON with a name twice", "zalo:send", null, PARAMS, PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, "{\"x\":1,\"x\":2}"),
                row("params JSON with text after it", "zalo:send", null, PARAMS, PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, "{\"x\":1} {\"y\":2}"),
                row("params as a byte array", "zalo:send", null, PARAMS, PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, new byte[] { '{', '}' }),
                row("one param header without a name", "zalo:send", null, ZaloConstants.TEMPLATE_PARAM, PHONE,
                        "0981234980", SCRIPT, 608, ZaloConstants.TEMPLATE_PARAM, "x"),
                row("one param header without a script", "zalo:send", "Xin chào", PARAMS, PHONE, "0981234980",
                        ZaloConstants.TEMPLATE_PARAM + "username", "Anh"),
                row("one param header with a list", "zalo:send", null, PARAMS + ".names", PHONE, "0981234980",
                        SCRIPT, 608, ZaloConstants.TEMPLATE_PARAM + "names", List.of("a", "b")),
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
                        SendMessageRequest.text("0981234980", "Xin chào"), OA),

                // --- userStatus: every invalid phone shape, wrong types, OA ids ---
                row("phone as an Integer", "zalo:userStatus", null, PHONE, PHONE, 981234980),
                row("phone as a Boolean", "zalo:userStatus", null, PHONE, PHONE, true),
                row("empty phone header", "zalo:userStatus", "0981234980", PHONE, PHONE, ""),
                row("old 11-digit 01x number", "zalo:userStatus", "01234567890", PHONE),
                row("06x is not a mobile range", "zalo:userStatus", "0681234980", PHONE),
                row("04x is not a mobile range", "zalo:userStatus", "0481234980", PHONE),
                row("84 and 8 digits", "zalo:userStatus", "8498123498", PHONE),
                row("84 and 10 digits", "zalo:userStatus", "849812349801", PHONE),
                row("+84 followed by the national 0", "zalo:userStatus", "+84 098 123 4980", PHONE),
                row("00 international prefix", "zalo:userStatus", "0084981234980", PHONE),
                row("fullwidth digits", "zalo:userStatus", "０９８１２３４９８０", PHONE),
                row("control character in phone", "zalo:userStatus", "0981\u0000234980", PHONE),
                row("phone with an extension", "zalo:userStatus", "0981234980 ext 12", PHONE),
                row("plus sign inside the number", "zalo:userStatus", "098+1234980", PHONE),
                row("two phones in one", "zalo:userStatus", "0981234980,0981234981", PHONE),
                row("body is a send request", "zalo:userStatus", SendMessageRequest.text("0981234980", "Xin chào"),
                        "body"),
                row("OA id zero", "zalo:userStatus", "0981234980", OA, OA, "0"),
                row("OA id negative", "zalo:userStatus", "0981234980", OA, OA, -1600190000752846L),
                row("OA id as a Double", "zalo:userStatus", "0981234980", OA, OA, 1.6e15),
                row("OA id of 33 digits", "zalo:userStatus", "0981234980", OA, OA, "1".repeat(33)),
                row("OA id empty", "zalo:userStatus", "0981234980", OA, OA, ""),

                // --- send: recipients ---
                row("send: phone as a Long", "zalo:send", "Xin chào", PHONE, PHONE, 981234980L),
                row("send: landline", "zalo:send", "Xin chào", PHONE, PHONE, "028 3823 4567"),
                row("send: contact id negative", "zalo:send", "Xin chào", CONTACT, CONTACT, -42L),
                row("send: contact id zero", "zalo:send", "Xin chào", CONTACT, CONTACT, "0"),
                row("send: contact id as a Boolean", "zalo:send", "Xin chào", CONTACT, CONTACT, true),
                row("send: contact id of 33 digits", "zalo:send", "Xin chào", CONTACT, CONTACT, "9".repeat(33)),
                row("send: blank contact id", "zalo:send", "Xin chào", CONTACT, CONTACT, "   "),
                row("send: OA id with letters", "zalo:send", "Xin chào", OA, PHONE, "0981234980", OA, "abc"),
                // --- send: texts ---
                row("send: message as an Integer", "zalo:send", null, MSG, PHONE, "0981234980", MSG, 42),
                row("send: message as bytes", "zalo:send", null, MSG, PHONE, "0981234980", MSG,
                        "Xin chào".getBytes(StandardCharsets.UTF_8)),
                row("send: blank message", "zalo:send", null, MSG, PHONE, "0981234980", MSG, " \t "),
                row("send: message header over 1000 code points", "zalo:send", null, MSG, PHONE, "0981234980",
                        MSG, "a".repeat(1001)),
                row("send: terminal escape in message", "zalo:send", "Xin \u001b[31mchào", MSG, PHONE, "0981234980"),
                row("send: DEL in message", "zalo:send", "Xin\u007fchào", MSG, PHONE, "0981234980"),
                row("send: C1 control in message", "zalo:send", "Xin\u0085chào", MSG, PHONE, "0981234980"),
                row("send: lone surrogate in message", "zalo:send", "Xin chào \uD83D", MSG, PHONE, "0981234980"),
                // --- send: script ids ---
                row("send: script id as a Boolean", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, true),
                row("send: script id as a huge BigInteger", "zalo:send", null, SCRIPT, PHONE, "0981234980",
                        SCRIPT, new BigInteger("99999999999999999999")),
                row("send: script id text overflowing a long", "zalo:send", null, SCRIPT, PHONE, "0981234980",
                        SCRIPT, "99999999999999999999"),
                row("send: script id one above the int range", "zalo:send", null, SCRIPT, PHONE, "0981234980",
                        SCRIPT, "2147483648"),
                row("send: script id empty text", "zalo:send", null, SCRIPT, PHONE, "0981234980", SCRIPT, ""),
                row("send: script id holding a phone number", "zalo:send", null, SCRIPT, PHONE, "0981234980",
                        SCRIPT, "0987654321x"),
                // --- send: template parameters ---
                row("send: params as a List", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, List.of("username", "Anh")),
                row("send: params with an empty key", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, Map.of("", "x")),
                row("send: params with a blank key", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, Map.of("  ", "x")),
                row("send: params with a null key", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, nullKeyed()),
                row("send: params with a control character in a key", "zalo:send", null, PARAMS,
                        PHONE, "0981234980", SCRIPT, 608, PARAMS, Map.of("na\u0000me", "x")),
                row("send: params with a 101-character key", "zalo:send", null, PARAMS, PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("k".repeat(101), "x")),
                row("send: params with 101 entries", "zalo:send", null, PARAMS, PHONE, "0981234980", SCRIPT, 608,
                        PARAMS, entries(101)),
                row("send: param value over 1000 code points", "zalo:send", null, PARAMS + ".name",
                        PHONE, "0981234980", SCRIPT, 608, PARAMS, Map.of("name", "ệ".repeat(1001))),
                row("send: param value with a control character", "zalo:send", null, PARAMS + ".name",
                        PHONE, "0981234980", SCRIPT, 608, PARAMS, Map.of("name", "Anh\u0007")),
                row("send: param value with a lone surrogate", "zalo:send", null, PARAMS + ".name",
                        PHONE, "0981234980", SCRIPT, 608, PARAMS, Map.of("name", "\uDC00Anh")),
                row("send: param value NaN", "zalo:send", null, PARAMS + ".amount", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("amount", Double.NaN)),
                row("send: param value infinite", "zalo:send", null, PARAMS + ".amount", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("amount", Float.POSITIVE_INFINITY)),
                row("send: param value a list", "zalo:send", null, PARAMS + ".items", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("items", List.of(1, 2))),
                row("send: param value a date", "zalo:send", null, PARAMS + ".when", PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("when", LocalDate.of(2026, 1, 1))),
                // --- send: bodies of the wrong type ---
                row("send: body is an image request", "zalo:send", imageRequest(), "body"),
                row("send: body is a user-status request", "zalo:send",
                        UserStatusRequest.builder().phoneNo("0981234980").build(), "body"),
                row("send: body is a Map and no content header", "zalo:send", Map.of("message", "Xin chào"),
                        SCRIPT + "/" + MSG, PHONE, "0981234980"),
                row("send: body is an Integer and no content header", "zalo:send", 42, SCRIPT + "/" + MSG,
                        PHONE, "0981234980"),

                // --- sendImage ---
                row("image: user id with letters", "zalo:sendImage", null, USER, USER, "12ab",
                        URL, "https://img.example.vn/a.png"),
                row("image: user id zero", "zalo:sendImage", null, USER, USER, 0L,
                        URL, "https://img.example.vn/a.png"),
                row("image: a phone instead of the user id", "zalo:sendImage", null, USER, PHONE, "0981234980",
                        URL, "https://img.example.vn/a.png"),
                row("image: data URL", "zalo:sendImage", null, URL, USER, "42",
                        URL, "data:image/png;base64,iVBORw0KGgo="),
                row("image: file URL", "zalo:sendImage", null, URL, USER, "42", URL, "file:///etc/passwd"),
                row("image: URL without a host", "zalo:sendImage", null, URL, USER, "42", URL, "https://"),
                row("image: URL with a space", "zalo:sendImage", null, URL, USER, "42",
                        URL, "https://img.example.vn/a b.png"),
                row("image: URL with a password", "zalo:sendImage", null, URL, USER, "42",
                        URL, "https://user:secret@img.example.vn/a.png"),
                row("image: URL over 2048 characters", "zalo:sendImage", null, URL, USER, "42",
                        URL, "https://img.example.vn/" + "a".repeat(2048) + ".png"),
                row("image: URL with a line break", "zalo:sendImage", null, URL, USER, "42",
                        URL, "https://img.example.vn/a.png\r\nX-Injected: 1"),
                row("image: URL as a java.net.URI", "zalo:sendImage", null, URL, USER, "42",
                        URL, URI.create("https://img.example.vn/a.png")),
                row("image: empty URL", "zalo:sendImage", null, URL, USER, "42", URL, ""),
                row("image: attachment id over 512 characters", "zalo:sendImage", null, ATTACH, USER, "42",
                        ATTACH, "a".repeat(513)),
                row("image: attachment id with a control character", "zalo:sendImage", null, ATTACH, USER, "42",
                        ATTACH, "abc\u0000def"),
                row("image: attachment id as an Integer", "zalo:sendImage", null, ATTACH, USER, "42", ATTACH, 5),
                row("image: empty attachment id", "zalo:sendImage", null, ATTACH, USER, "42", ATTACH, ""),
                row("image: OA id with letters", "zalo:sendImage", null, OA, USER, "42", OA, "16001abc",
                        URL, "https://img.example.vn/a.png"),
                row("image: body is a send request", "zalo:sendImage",
                        SendMessageRequest.text("0981234980", "Xin chào"), "body"),

                // --- numbers that Jackson would write with toString(): only exact types, or a refusal ---
                row("send: param value a Number whose toString() injects a recipient", "zalo:send", null,
                        PARAMS + ".amount", PHONE, "0981234980", SCRIPT, 608, PARAMS,
                        Map.of("amount", new InjectingNumber())),
                row("send: param value a DoubleAdder holding NaN", "zalo:send", null, PARAMS + ".amount",
                        PHONE, "0981234980", SCRIPT, 608, PARAMS, Map.of("amount", adder(Double.NaN))),
                row("send: param value a DoubleAdder holding infinity", "zalo:send", null, PARAMS + ".amount",
                        PHONE, "0981234980", SCRIPT, 608, PARAMS,
                        Map.of("amount", adder(Double.NEGATIVE_INFINITY))),
                // --- lone surrogates in every string that reaches the JSON ---
                row("send: params with a lone surrogate in a key", "zalo:send", null, PARAMS, PHONE, "0981234980",
                        SCRIPT, 608, PARAMS, Map.of("na\uD800me", "x")),
                row("image: attachment id with a lone surrogate", "zalo:sendImage", null, ATTACH, USER, "42",
                        ATTACH, "abc\uDC00def"),
                row("image: URL with a lone surrogate", "zalo:sendImage", null, URL, USER, "42",
                        URL, "https://img.example.vn/\uD83Da.png"),
                row("image: attachment id that is only a lone surrogate", "zalo:sendImage",
                        null, ATTACH, USER, "42", ATTACH, "\uD83D"),
                row("send: message header with a lone surrogate", "zalo:send", null, MSG, PHONE, "0981234980",
                        MSG, "Xin \uDFFF chào"));
    }

    /** A Number of no JDK type: Jackson writes such a number with its toString(), verbatim into the JSON. */
    private static final class InjectingNumber extends Number {
        @Override
        public int intValue() {
            return 1;
        }

        @Override
        public long longValue() {
            return 1;
        }

        @Override
        public float floatValue() {
            return 1;
        }

        @Override
        public double doubleValue() {
            return 1;
        }

        @Override
        public String toString() {
            return "1},\"phone_no\":\"0912345678\",\"x\":{\"y\":1";
        }
    }

    private static DoubleAdder adder(double value) {
        DoubleAdder adder = new DoubleAdder();
        adder.add(value);
        return adder;
    }

    /** The catalogue's size, for the report: at least the issue's 40, and every row above. */
    @Test
    void theCatalogueCoversMoreThanTheIssueAsks() {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(100);
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
        // exception messages end up in logs: no input is echoed that could hold a customer's phone number
        assertThat(e.getMessage()).as(name).doesNotContainPattern(LogSecrets.UNMASKED_PHONE);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    private static Arguments row(String name, String uri, Object body, String field, Object... headers) {
        return Arguments.of(name, uri, body, field, headers);
    }

    private static Map<Object, Object> nullKeyed() {
        Map<Object, Object> m = new HashMap<>();
        m.put(null, "x");
        return m;
    }

    private static Map<String, Object> entries(int n) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < n; i++) {
            m.put("k" + i, i);
        }
        return m;
    }

    private static SendImageRequest imageRequest() {
        return SendImageRequest.builder().userId("42").imageUrl("https://img.example.vn/a.png").build();
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, null);
        return m;
    }
}
