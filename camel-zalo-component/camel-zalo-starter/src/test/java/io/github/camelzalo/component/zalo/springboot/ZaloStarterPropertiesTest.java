package io.github.camelzalo.component.zalo.springboot;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot context configured from {@code camel.component.zalo.*} keys alone: a misspelt key stops the start-up
 * instead of being ignored (the app would talk to the provider's production host with the sandbox's key), and a
 * {@code configuration} bean is used as it is, not overwritten by the starter's defaults.
 */
class ZaloStarterPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ZaloComponentConverter.class,
                    ZaloComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.zalo.etelecom.api-key=sandbox-etelecom-key");

    @Test
    void aMisspeltKeyStopsTheStartupNamingItTheKeyMeantAndTheValidOnes() {
        runner.withPropertyValues("camel.component.zalo.etelecom.base-uri=http://127.0.0.1:8089/v1/shop")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).rootCause().isInstanceOf(UnboundConfigurationPropertiesException.class)
                            .hasMessageContaining("camel.component.zalo.etelecom.base-uri");

                    FailureAnalysis analysis = new ZaloUnknownPropertyFailureAnalyzer().analyze(failure);

                    assertThat(analysis.getDescription()).isEqualTo("camel.component.zalo.etelecom.base-uri is not an"
                            + " option of the zalo component, so its value would be unused (did you mean"
                            + " camel.component.zalo.etelecom.base-url?)");
                    assertThat(analysis.getAction()).startsWith("Use one of the zalo component's keys: ")
                            .contains("camel.component.zalo.caresoft.api-key", "camel.component.zalo.etelecom.base-url",
                                    "camel.component.zalo.request-timeout", "camel.component.zalo.enabled")
                            .doesNotContain("base-uri");
                });
    }

    @Test
    void theAnalysisIsWhatSpringBootPrintsWhenTheApplicationFailsToStart() throws Exception {
        // Spring Boot finds failure analyzers in META-INF/spring.factories
        List<String> analyzers = new ArrayList<>();
        for (URL factories : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties properties = new Properties();
            try (InputStream in = factories.openStream()) {
                properties.load(in);
            }
            analyzers.addAll(List.of(properties.getProperty(FailureAnalyzer.class.getName(), "").split("\\s*,\\s*")));
        }
        assertThat(analyzers).contains(ZaloUnknownPropertyFailureAnalyzer.class.getName());
    }

    @Test
    void everyDocumentedFormOfAKeyStillBinds() {
        runner.withPropertyValues("camel.component.zalo.caresoft.apiKey=camel-case-key",
                        "camel.component.zalo.customizer.enabled=true", "camel.component.zalo.enabled=true")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment",
                                Map.of("CAMEL_COMPONENT_ZALO_CARESOFT_BASEURL", "http://127.0.0.1:1/acme",
                                        "CAMEL_COMPONENT_ZALO_REQUESTTIMEOUT", "4000"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ZaloComponent zalo = context.getBean(CamelContext.class).getComponent("zalo", ZaloComponent.class);
                    assertThat(zalo.getCaresoft().getApiKey()).isEqualTo("camel-case-key");
                    assertThat(zalo.getCaresoft().getBaseUrl()).isEqualTo("http://127.0.0.1:1/acme");
                    assertThat(zalo.getConfiguration().getRequestTimeout()).isEqualTo(4000);
                });
    }

    @Test
    void aConfigurationBeanIsUsedAsItIsNotOverwrittenByDefaults() {
        runner.withUserConfiguration(UserConfiguration.class)
                .withPropertyValues("camel.component.zalo.configuration=#bean:myZaloConfiguration")
                .run(context -> {
                    ZaloConfiguration bean = context.getBean("myZaloConfiguration", ZaloConfiguration.class);
                    ZaloComponent zalo = context.getBean(CamelContext.class).getComponent("zalo", ZaloComponent.class);

                    assertThat(zalo.getConfiguration()).isSameAs(bean);
                    assertThat(bean.getRequestTimeout()).isEqualTo(4000);
                    assertThat(bean.getConnectTimeout()).isEqualTo(1500);
                    assertThat(bean.getRateLimitRetries()).isEqualTo(2);
                    assertThat(bean.isRetryUnknownOutcome()).isTrue();
                    assertThat(bean.getOaId()).isEqualTo("4321");
                });
    }

    @Test
    void unsetKeysLeaveTheComponentsOwnDefaults() {
        runner.run(context -> {
            ZaloComponent zalo = context.getBean(CamelContext.class).getComponent("zalo", ZaloComponent.class);
            ZaloComponent fresh = new ZaloComponent();

            assertThat(zalo.getConfiguration().getRequestTimeout()).isEqualTo(fresh.getConfiguration().getRequestTimeout());
            assertThat(zalo.getMaxConnections()).isEqualTo(fresh.getMaxConnections());
            assertThat(zalo.getCaresoft().getRateLimit()).as("the provider's default applies").isNull();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserConfiguration {
        @Bean
        ZaloConfiguration myZaloConfiguration() {
            ZaloConfiguration configuration = new ZaloConfiguration();
            configuration.setRequestTimeout(4000);
            configuration.setConnectTimeout(1500);
            configuration.setRateLimitRetries(2);
            configuration.setRetryUnknownOutcome(true);
            configuration.setOaId("4321");
            return configuration;
        }
    }

    @Test
    void theOfficialApisAccountBindsFromApplicationProperties() {
        runner.withPropertyValues("camel.component.zalo.zalo.app-id=4318000000000000001",
                "camel.component.zalo.zalo.app-secret=boot-app-secret-1f2e",
                "camel.component.zalo.zalo.rate-limit=1200",
                "camel.component.zalo.zalo.open-api-base-url=http://127.0.0.1:8089/zalo/openapi",
                "camel.component.zalo.message-type=transaction",
                "camel.component.zalo.max-results=500").run(context -> {
                    ZaloComponent zalo = context.getBean(org.apache.camel.CamelContext.class)
                            .getComponent("zalo", ZaloComponent.class);
                    assertThat(zalo.getZalo().getAppId()).isEqualTo("4318000000000000001");
                    assertThat(zalo.getZalo().getAppSecret()).isEqualTo("boot-app-secret-1f2e");
                    assertThat(zalo.getZalo().getRateLimit()).isEqualTo(1200);
                    assertThat(zalo.getZalo().getOpenApiBaseUrl()).isEqualTo("http://127.0.0.1:8089/zalo/openapi");
                    // the defaults the starter does not set stay the component's
                    assertThat(zalo.getZalo().getRefreshAhead()).isEqualTo(600_000);
                    assertThat(zalo.getConfiguration().getMessageType())
                            .isEqualTo(io.github.camelzalo.component.zalo.model.OaMessageType.transaction);
                    assertThat(zalo.getConfiguration().getMaxResults()).isEqualTo(500);
                });
    }
}
