package io.github.camelzalo.component.zalo;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configurers are compiled and used (no reflection fallback), and the component JSON lists every
 * option and header. Fails when an option is added without regenerating {@code src/generated}.
 */
class GeneratedMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void camelResolvesTheGeneratedConfigurersNotReflection() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            PropertyConfigurer component = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("zalo-component", context);
            PropertyConfigurer endpoint = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("zalo-endpoint", context);

            assertThat(component).isInstanceOf(ZaloComponentConfigurer.class);
            assertThat(endpoint).isInstanceOf(ZaloEndpointConfigurer.class);
            // the accounts, which Camel Main binds as caresoft.api-key through them
            assertThat(PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer(CareSoftAccount.class.getName(), context))
                    .isInstanceOf(CareSoftAccountConfigurer.class);
            assertThat(PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer(ETelecomAccount.class.getName(), context))
                    .isInstanceOf(ETelecomAccountConfigurer.class);
            assertThat(context.getComponent("zalo")).isInstanceOf(ZaloComponent.class);
        }
    }

    @Test
    void theComponentJsonListsEveryOptionAndHeader() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelzalo/component/zalo/zalo.json")) {
            assertThat(in).as("component JSON on the classpath").isNotNull();
            json = JSON.readTree(in);
        }
        assertThat(json.at("/component/scheme").asText()).isEqualTo("zalo");
        // zalo:events consumes, every other operation produces
        assertThat(json.at("/component/producerOnly").asBoolean()).isFalse();
        assertThat(json.at("/component/consumerOnly").asBoolean()).isFalse();

        Set<String> endpointOptions = names(json.get("properties"));
        Set<String> componentOptions = names(json.get("componentProperties"));
        Set<String> headers = names(json.get("headers"));

        Set<String> uriParams = Arrays.stream(ZaloConfiguration.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(UriParam.class)).map(Field::getName).collect(Collectors.toSet());
        Set<String> componentFields = Arrays.stream(ZaloComponent.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Metadata.class)).map(Field::getName)
                .filter(n -> !n.equals("configuration")).collect(Collectors.toSet());
        Set<String> headerNames = Arrays.stream(ZaloConstants.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Metadata.class)).map(GeneratedMetadataTest::value)
                .collect(Collectors.toSet());

        assertThat(endpointOptions).contains("operation").containsAll(uriParams);
        assertThat(componentOptions).containsAll(uriParams).containsAll(componentFields);
        assertThat(headers).containsExactlyInAnyOrderElementsOf(headerNames);
        assertThat(json.at("/properties/apiKey/secret").asBoolean()).isTrue();
        assertThat(json.at("/componentProperties/caresoft/javaType").asText()).isEqualTo(CareSoftAccount.class.getName());
        assertThat(json.at("/componentProperties/etelecom/javaType").asText()).isEqualTo(ETelecomAccount.class.getName());
        for (JsonNode option : json.get("properties")) {
            assertThat(option.path("description").asText()).as(option.toString()).isNotBlank();
        }
        for (JsonNode option : json.get("componentProperties")) {
            assertThat(option.path("description").asText()).as(option.toString()).isNotBlank();
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
