package io.github.camelzalo.component.zalo;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code zalo} dev console as Camel finds it by its name, in text and JSON: every account with what its calls and
 * its rate limit did, the OA's tokens, the proxy; never a key, a secret or a token.
 */
class ZaloDevConsoleTest extends OfficialApiTestSupport {

    @Override
    protected void configureZalo(ZaloComponent zalo) {
        zalo.getCaresoft().setRateLimit(15);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:send").to("zalo:send");
                from("direct:oa").to("zalo:send?provider=zalo");
            }
        };
    }

    private DevConsole console() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("zalo");
        assertThat(console).as("the zalo console, found by its name").isNotNull();
        return console;
    }

    private void traffic() {
        stub(CARESOFT_SEND, caresoftOk());
        template.request("direct:send", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });
        stub(CARESOFT_SEND, json(401, "{\"code\":\"errors\",\"message\":\"Unauthenticated " + CARESOFT_KEY + "\"}"));
        template.request("direct:send", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào");
        });
        template.request("direct:send", e -> e.getMessage().setHeader(ZaloConstants.PHONE_NO, "12"));
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        csAnswer(ACCESS_1, "m-1");
        Exchange oa = template.request("direct:oa", e -> {
            e.getMessage().setHeader(ZaloConstants.USER_ID, USER);
            e.getMessage().setBody("Xin chào");
        });
        assertThat(oa.getException()).isNull();
    }

    @Test
    void theTextShowsEachAccountItsCallsItsPacingAndTheOasTokens() {
        traffic();

        String text = (String) console().call(DevConsole.MediaType.TEXT);

        assertThat(text).contains("Component zalo", "    Proxy: the JVM's proxy system properties",
                "Account caresoft " + baseUrl() + "/acme key#",
                "    Calls: 1 succeeded, 1 failed, 1 refused as invalid input",
                "    Failures by kind: UNAUTHORIZED=1",
                "    Rate limit: 15.00/s configured, 15.00/s now, 0 waiting, 0 rate-limited answers (0 sent again)",
                "send UNAUTHORIZED: Zalo send via caresoft failed: UNAUTHORIZED, HTTP 401",
                "Account zalo " + baseUrl() + "/openapi key#",
                "Tokens of app " + APP_ID, "    OA " + OA_ID + ": access token expires in ", ", 1 refreshes, last at ");
        assertThat(text).doesNotContain(CARESOFT_KEY, ETELECOM_KEY, APP_SECRET, SEED, ACCESS_1, REFRESH_1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonHasTheSameFigures() {
        traffic();

        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);

        List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
        assertThat(components).hasSize(1);
        Map<String, Object> zalo = components.get(0);
        assertThat(zalo).containsEntry("name", "zalo");
        List<Map<String, Object>> accounts = (List<Map<String, Object>>) zalo.get("accounts");
        Map<String, Object> caresoft = accounts.stream().filter(a -> "caresoft".equals(a.get("provider")))
                .findFirst().orElseThrow();
        assertThat(caresoft).containsEntry("baseUrl", baseUrl() + "/acme").containsEntry("endpoints", 1);
        assertThat((String) caresoft.get("keyDigest")).matches("[0-9a-f]{8}");
        assertThat((Map<String, Object>) caresoft.get("calls")).containsEntry("succeeded", 1L)
                .containsEntry("failed", 1L).containsEntry("invalidInput", 1L);
        assertThat((Map<String, Object>) caresoft.get("failuresByKind")).containsEntry("UNAUTHORIZED", 1L);
        assertThat((Map<String, Object>) caresoft.get("rateLimit")).containsEntry("configuredRate", 15.0)
                .containsEntry("waiting", 0).containsEntry("permitsGranted", 2L);
        assertThat((List<?>) caresoft.get("recentFailures")).hasSize(1);
        List<Map<String, Object>> tokens = (List<Map<String, Object>>) zalo.get("tokens");
        assertThat(tokens).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("oaId", OA_ID).containsEntry("refreshes", 1L)
                    .containsEntry("reauthorizationNeeded", false).containsKey("expiresInSeconds");
        });
        assertThat(json.toJson()).doesNotContain(CARESOFT_KEY, APP_SECRET, SEED, ACCESS_1, REFRESH_1);
    }

    /** Camel's own service console lists the endpoint with the provider and account it names (getServiceMetadata). */
    @Test
    void camelsServiceConsoleShowsTheProviderAndTheAccount() {
        DevConsole service = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("service");

        String text = (String) service.call(DevConsole.MediaType.TEXT);
        String json = ((JsonObject) service.call(DevConsole.MediaType.JSON)).toJson();

        assertThat(json).contains("\"metadata\":{\"provider\":\"caresoft\",\"operation\":\"send\",\"account\":\"caresoft",
                "\"metadata\":{\"provider\":\"zalo\",\"operation\":\"send\"");
        assertThat(text).contains("Component: zalo", "Service: " + baseUrl() + "/acme/api/v1/zalo/send-message");
        assertThat(text + json).doesNotContain(CARESOFT_KEY, APP_SECRET);
    }
}
