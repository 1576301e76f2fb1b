package io.github.camelzalo.component.zalo.kamelets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.sandbox.Customer;
import io.github.camelzalo.sandbox.OutboxMessage;
import io.github.camelzalo.sandbox.SandboxClock;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kamelet:zalo-sink}, loaded by camel-kamelet from this module's {@code kamelets/} and used from routes in the
 * YAML DSL, in Camel Main, against the Zalo sandbox: a text through CareSoft, an image through eTelecom, a text
 * through the official API with the component's app, each arriving in the sandbox's outbox, and the call's result as
 * the JSON output.
 */
class ZaloSinkKameletTest {

    private static final String TENANT = "acme";
    private static final String CS_KEY = "cs-kamelet-key-5d1e";
    private static final String ET_KEY = "et-kamelet-key-9b40";
    private static final String OA = "1600190000752846";
    /** Follows the OA, wrote two hours ago: every message may go. */
    private static final String NGHIA = "0981234980";
    private static final String NGHIA_ZALO = "8941234567136201";
    /** A CareSoft contact without a Zalo account. */
    private static final String KHANH = "0977123456";

    private final ObjectMapper json = new ObjectMapper();
    private ZaloSandbox sandbox;
    private Main main;
    private Path tokens;

    @BeforeEach
    void start() throws Exception {
        SandboxClock clock = SandboxClock.frozen(LocalDateTime.of(2026, 3, 2, 9, 0));
        Instant now = clock.now();
        sandbox = ZaloSandbox.builder().clock(clock).caresoftTenant(TENANT, CS_KEY).etelecomApiKey(ET_KEY).oaId(OA)
                .rateLimitPerSecond(0)
                .customers(List.of(
                        new Customer(NGHIA, "631292", NGHIA_ZALO, "Nguyễn Trọng Nghĩa", true,
                                now.minus(Duration.ofHours(2)), 0),
                        new Customer(KHANH, "631297", null, "Vũ Quốc Khánh", false, null, 0)))
                .build().start();
        tokens = Files.createTempDirectory("zalo-kamelet-tokens");
        main = new Main();
        Map<String, String> properties = Map.of(
                "camel.main.routes-include-pattern", "classpath:zalo-sink-routes.yaml",
                "sandbox.caresoft-url", sandbox.caresoftBaseUrl(TENANT),
                "sandbox.caresoft-key", CS_KEY,
                "sandbox.etelecom-url", sandbox.etelecomBaseUrl(),
                "sandbox.etelecom-key", ET_KEY,
                "sandbox.oa-id", OA);
        properties.forEach(main::addInitialProperty);
        // provider zalo: the app is the component's, configured the Camel Main way
        main.addInitialProperty("camel.component.zalo.oa-id", OA);
        main.addInitialProperty("camel.component.zalo.zalo.app-id", sandbox.appId());
        main.addInitialProperty("camel.component.zalo.zalo.app-secret", sandbox.appSecret());
        main.addInitialProperty("camel.component.zalo.zalo.refresh-token", sandbox.issueTokens(OA).refreshToken());
        main.addInitialProperty("camel.component.zalo.zalo.token-directory", tokens.toString());
        main.addInitialProperty("camel.component.zalo.zalo.oauth-base-url", sandbox.zaloOauthBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.open-api-base-url", sandbox.zaloOpenApiBaseUrl());
        main.addInitialProperty("camel.component.zalo.zalo.business-base-url", sandbox.zaloBusinessBaseUrl());
        main.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        sandbox.close();
        try (var files = Files.walk(tokens)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Exchange send(String route, Object body, String... headers) {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        return template.request(route, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader(headers[i], headers[i + 1]);
            }
        });
    }

    @Test
    void aTextGoesThroughCareSoftToTheCustomersPhoneAndTheResultComesBackAsJson() throws Exception {
        Exchange out = send("direct:caresoft", "Đơn hàng của quý khách đã được giao.", "phone", NGHIA);

        assertThat(out.getException()).isNull();
        List<OutboxMessage> sent = sandbox.outbox().messages();
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.provider()).isEqualTo("caresoft");
            assertThat(m.phone()).isEqualTo(NGHIA);
            assertThat(m.text()).isEqualTo("Đơn hàng của quý khách đã được giao.");
        });
        JsonNode result = json.readTree(out.getMessage().getBody(String.class));
        assertThat(result.path("code").asText()).isEqualTo("ok");
    }

    @Test
    void anImageGoesThroughETelecomByDefault() throws Exception {
        Exchange out = send("direct:etelecom", null, "ce-userid", NGHIA_ZALO,
                "ce-imageurl", "https://cdn.example.vn/khuyen-mai.png");

        assertThat(out.getException()).isNull();
        assertThat(sandbox.outbox().messages()).singleElement().satisfies(m -> {
            assertThat(m.provider()).isEqualTo("etelecom");
            assertThat(m.zaloId()).isEqualTo(NGHIA_ZALO);
            assertThat(m.imageUrl()).isEqualTo("https://cdn.example.vn/khuyen-mai.png");
        });
        JsonNode result = json.readTree(out.getMessage().getBody(String.class));
        assertThat(result.path("msgId").asText()).isEqualTo(sandbox.outbox().messages().get(0).msgId());
        assertThat(result.path("quota").path("quotaType").asText()).isNotEmpty();
    }

    @Test
    void aTextGoesThroughTheOfficialApiWithTheComponentsApp() throws Exception {
        Exchange out = send("direct:zalo", "Chào anh, đơn của anh đang được xử lý.", "user-id", NGHIA_ZALO);

        assertThat(out.getException()).isNull();
        assertThat(sandbox.outbox().messages()).singleElement().satisfies(m -> {
            assertThat(m.provider()).isEqualTo("zalo");
            assertThat(m.zaloId()).isEqualTo(NGHIA_ZALO);
            assertThat(m.text()).isEqualTo("Chào anh, đơn của anh đang được xử lý.");
        });
    }

    @Test
    void aProviderRefusalReachesTheRouteAsTheComponentsException() {
        Exchange out = send("direct:caresoft", "Xin chào", "phone", KHANH);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REJECTED));
        assertThat(sandbox.outbox().messages()).isEmpty();
    }

    @Test
    void anImageForCareSoftFailsNamingTheProvidersThatSendImages() {
        Exchange out = send("direct:caresoft", null, "user-id", NGHIA_ZALO, "image-url", "https://cdn.example.vn/a.png");

        assertThat(out.getException()).hasStackTraceContaining(
                "The operation sendImage is not offered by provider caresoft; it is offered by");
        assertThat(sandbox.outbox().messages()).isEmpty();
    }

    /** The conventions of apache/camel-kamelets that tooling reads: type label, secret marked, data types. */
    @Test
    void theKameletFollowsTheCamelKameletsConventions() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/kamelets/zalo-sink.kamelet.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("apiVersion: camel.apache.org/v1\nkind: Kamelet\n", "  name: zalo-sink\n",
                "camel.apache.org/kamelet.type: \"sink\"", "camel.apache.org/kamelet.icon: \"data:image/svg+xml;base64,",
                "      apiKey:\n        title: API Key\n", "        format: password\n        x-descriptors:\n"
                                                          + "        - urn:alm:descriptor:com.tectonic.ui:password\n"
                                                          + "        - urn:camel:group:credentials\n",
                "    in:\n      mediaType: text/plain\n    out:\n      mediaType: application/json\n",
                "      uri: \"kamelet:source\"");
    }
}
