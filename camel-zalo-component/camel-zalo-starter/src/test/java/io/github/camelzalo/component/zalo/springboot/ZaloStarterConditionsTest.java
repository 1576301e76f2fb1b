package io.github.camelzalo.component.zalo.springboot;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloProviderType;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the auto-configuration applies, and when a user has switched it off. */
class ZaloStarterConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ZaloComponentConverter.class,
                    ZaloComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.zalo.oa-id=42");

    @Test
    void configuresTheComponentCamelCreatesForTheScheme() {
        runner.withPropertyValues("camel.component.zalo.provider=etelecom").run(context -> {
            assertThat(context).hasSingleBean(ZaloComponentConfiguration.class);
            ZaloComponent zalo = context.getBean(CamelContext.class).getComponent("zalo", ZaloComponent.class);
            assertThat(zalo.getConfiguration().getOaId()).isEqualTo("42");
            assertThat(zalo.getConfiguration().getProvider()).isEqualTo(ZaloProviderType.etelecom);
        });
    }

    @Test
    void enabledFalseLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.zalo.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ZaloComponentConfiguration.class);
            assertThat(context).doesNotHaveBean(ComponentCustomizer.class);
            ZaloComponent zalo = context.getBean(CamelContext.class).getComponent("zalo", ZaloComponent.class);
            assertThat(zalo.getConfiguration().getOaId()).isNull();
        });
    }

    @Test
    void customizerEnabledFalseLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.zalo.customizer.enabled=false").run(context -> {
            ZaloComponent zalo = context.getBean(CamelContext.class).getComponent("zalo", ZaloComponent.class);
            assertThat(zalo.getConfiguration().getOaId()).isNull();
        });
    }
}
