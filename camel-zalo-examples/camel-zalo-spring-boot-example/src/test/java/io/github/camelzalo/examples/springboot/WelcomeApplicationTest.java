package io.github.camelzalo.examples.springboot;

import java.time.Duration;
import java.util.List;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.model.UserStatus;
import io.github.camelzalo.sandbox.OutboxMessage;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as it ships, against the sandbox. The test only supplies what a user supplies from outside, the
 * ZALO_*_BASE_URL variables (the sandbox listens on a free port here instead of 8089); the component is configured by
 * application.yml, keys and OA id included.
 */
@SpringBootTest(properties = { "camel.main.run-controller=false", "spring.main.banner-mode=off", "logging.level.root=WARN" })
class WelcomeApplicationTest {

    private static final ZaloSandbox SANDBOX = ZaloSandbox.builder().sampleData().build().start();

    @DynamicPropertySource
    static void sandboxUrls(DynamicPropertyRegistry registry) {
        registry.add("ZALO_CARESOFT_BASE_URL", SANDBOX::caresoftBaseUrl);
        registry.add("ZALO_ETELECOM_BASE_URL", SANDBOX::etelecomBaseUrl);
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    CamelContext camelContext;

    @Test
    void welcomesTheConfiguredCustomerOnStartUp() {
        // a text through CareSoft, then, as the customer follows the OA, an image through eTelecom
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SANDBOX.outbox().messagesTo("0981234980"))
                .extracting(OutboxMessage::format).containsExactly("text", "image"));
        List<OutboxMessage> sent = SANDBOX.outbox().messagesTo("0981234980");
        assertThat(sent.get(0).text()).isEqualTo(WelcomeRoutes.WELCOME_TEXT);
        assertThat(sent.get(1).imageUrl()).isEqualTo("https://cdn.example.vn/welcome.png");
        assertThat(sent.get(1).zaloId()).isEqualTo("8941234567136201");
    }

    @Test
    void welcomesAnyCustomerThroughTheDirectEndpoint() {
        UserStatus status = template.requestBody("direct:welcome", "0912345678", UserStatus.class);

        assertThat(status.isFollowing()).isTrue();
        assertThat(SANDBOX.outbox().messagesTo("0912345678")).extracting(OutboxMessage::format)
                .containsExactly("text", "image");
    }

    @Test
    void theComponentIsConfiguredFromApplicationYml() {
        ZaloComponent zalo = camelContext.getComponent("zalo", ZaloComponent.class);

        assertThat(zalo.getCaresoft().getBaseUrl()).isEqualTo(SANDBOX.caresoftBaseUrl());
        assertThat(zalo.getCaresoft().getApiKey()).isEqualTo(ZaloSandbox.DEFAULT_CARESOFT_KEY);
        assertThat(zalo.getEtelecom().getApiKey()).isEqualTo(ZaloSandbox.DEFAULT_ETELECOM_KEY);
        assertThat(zalo.getConfiguration().getOaId()).isEqualTo(ZaloSandbox.DEFAULT_OA_ID);
        assertThat(zalo.getConfiguration().getRequestTimeout()).isEqualTo(10000);
    }
}
