package io.github.camelzalo.examples.yaml;

import java.util.List;

import io.github.camelzalo.sandbox.OutboxMessage;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs src/main/resources (application.properties + zalo-welcome.camel.yaml) the way Camel JBang does, on
 * camel-main with the YAML DSL, against the sandbox. Only the base URLs are overridden, because the sandbox listens
 * on a free port here instead of 8089; the API keys, OA id and everything else come from the files as written.
 */
class ZaloWelcomeYamlTest {

    @Test
    void welcomesAFollowerWithATextThroughCareSoftAndAnImageThroughETelecom() throws Exception {
        try (ZaloSandbox sandbox = ZaloSandbox.builder().sampleData().build().start()) {
            Main main = new Main();
            main.configure().withRoutesIncludePattern("classpath:zalo-welcome.camel.yaml");
            main.addOverrideProperty("camel.component.zalo.caresoft.base-url", sandbox.caresoftBaseUrl());
            main.addOverrideProperty("camel.component.zalo.etelecom.base-url", sandbox.etelecomBaseUrl());
            // what "camel run --max-messages=1" does: stop once the timer's one exchange is complete
            main.configure().withDurationMaxMessages(1).withDurationMaxSeconds(60);

            main.run();

            List<OutboxMessage> sent = sandbox.outbox().messagesTo("0981234980");
            assertThat(sent).extracting(OutboxMessage::format).containsExactly("text", "image");
            assertThat(sent.get(0).text())
                    .isEqualTo("Chào anh/chị, cảm ơn anh/chị đã quan tâm đến cửa hàng. Chúng tôi có thể giúp gì ạ?");
            assertThat(sent.get(1).imageUrl()).isEqualTo("https://cdn.example.vn/welcome.png");
            assertThat(sent.get(1).zaloId()).isEqualTo("8941234567136201");
        }
    }
}
