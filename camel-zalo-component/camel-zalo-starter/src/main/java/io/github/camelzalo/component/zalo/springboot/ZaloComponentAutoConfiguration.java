package io.github.camelzalo.component.zalo.springboot;

import io.github.camelzalo.component.zalo.ZaloComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.zalo.*} properties to the zalo component, as Camel's own starters do for theirs:
 * camel-spring-boot binds {@code camel.component.<name>.*} only through such an auto-configuration. The customizer
 * runs when Camel creates the component, so the component is still found by its {@code zalo:} scheme and needs no
 * bean of its own. {@code camel.component.zalo.enabled=false} turns it off; so does
 * {@code camel.component.zalo.customizer.enabled=false}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, ZaloComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, ZaloComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.zalo" })
public class ZaloComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureZaloComponent(ApplicationContext applicationContext, CamelContext camelContext,
                                                      ZaloComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.zalo.customizer")
                       && target instanceof ZaloComponent;
            }
        };
    }
}
