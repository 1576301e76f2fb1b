package io.github.camelzalo.component.zalo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.camelzalo.component.zalo.provider.zalo.ZaloOaProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.ConfigurationPropertiesValidationResult;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.util.SensitiveUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zalo.json as Camel's own tooling reads it, through camel-catalog (what Camel JBang, the IDE plugins and Kaoto use):
 * every account option is a real catalog option with its type, default, description and secret flag; endpoint URIs
 * validate; the catalog's defaults are the ones the code applies.
 */
class CatalogTest {

    private static CamelCatalog catalog;
    private static ComponentModel model;

    @BeforeAll
    static void addTheComponent() throws Exception {
        String json;
        try (InputStream in = CatalogTest.class
                .getResourceAsStream("/META-INF/io/github/camelzalo/component/zalo/zalo.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("zalo", ZaloComponent.class.getName(), json);
        model = catalog.componentModel("zalo");
    }

    @Test
    void everyAccountOptionIsACatalogOptionWithTypeDefaultDescriptionAndSecret() {
        assertOption("caresoft.baseUrl", "string", null, false);
        assertOption("caresoft.apiKey", "string", null, true);
        assertOption("caresoft.rateLimit", "integer", "15", false);
        assertOption("etelecom.baseUrl", "string", "https://api.etelecom.vn/v1/shop", false);
        assertOption("etelecom.apiKey", "string", null, true);
        assertOption("etelecom.rateLimit", "integer", "0", false);
        assertThat(option("caresoft.apiKey").getConfigurationClass()).isEqualTo(CareSoftAccount.class.getName());
        assertThat(option("caresoft.apiKey").getConfigurationField()).isEqualTo("caresoft");
        assertThat(option("caresoft.apiKey").getGroup()).isEqualTo("caresoft");
    }

    @Test
    void theEndpointIsAsyncAndItsFirstVersionRendersAsTheProjectsVersion() {
        assertThat(model.isAsync()).isTrue();
        // zalo:events consumes, every other operation produces
        assertThat(model.isProducerOnly()).isFalse();
        assertThat(model.isConsumerOnly()).isFalse();
        assertThat(model.getFirstVersion()).isEqualTo("0.1.0");
        assertThat(model.getFirstVersionShort()).isEqualTo("0.1");
        assertThat(model.getArtifactId()).isEqualTo("camel-zalo");
    }

    @Test
    void validEndpointUrisValidate() {
        for (String uri : new String[] { "zalo:send", "zalo:userStatus?oaId=1600190000752846&requestTimeout=5000",
                "zalo:sendImage?provider=etelecom&retryUnknownOutcome=true&apiKey=RAW(k)",
                "zalo:send?connectTimeout={{zalo.connect}}",
                "zalo:events?webhookPath=/hooks/zalo&events=user_send_*,follow&ackMode=immediate&ackTimeout=500"
                + "&maxBodySize=32768&replayWindow=3600000&concurrentConsumers=4&eventQueueSize=100",
                "zalo:events?oaId=1600190000752846&verifySignature=false&bridgeErrorHandler=true" }) {
            EndpointValidationResult result = catalog.validateEndpointProperties(uri);
            assertThat(result.isSuccess()).as(uri + ": " + result.summaryErrorMessage(false)).isTrue();
        }
    }

    @Test
    void invalidEndpointUrisAreCaughtByTheCatalog() {
        assertThat(catalog.validateEndpointProperties("zalo:sendSticker").getInvalidEnum())
                .containsKey("operation");
        assertThat(catalog.validateEndpointProperties("zalo:send?provider=viber").getInvalidEnum())
                .containsEntry("provider", "viber");
        assertThat(catalog.validateEndpointProperties("zalo:events?ackMode=later").getInvalidEnum())
                .containsEntry("ackMode", "later");
        assertThat(catalog.validateEndpointProperties("zalo:events?maxBodySize=big").getInvalidInteger())
                .containsEntry("maxBodySize", "big");
        assertThat(catalog.validateEndpointProperties("zalo:send?requestTimeout=abc").getInvalidInteger())
                .containsEntry("requestTimeout", "abc");
        assertThat(catalog.validateEndpointProperties("zalo:send?retryUnknownOutcome=maybe").getInvalidBoolean())
                .containsEntry("retryUnknownOutcome", "maybe");
        EndpointValidationResult typo = catalog.validateEndpointProperties("zalo:send?requestTimout=5000");
        assertThat(typo.getUnknown()).containsExactly("requestTimout");
        // the catalog checks component options too where it meets them: the account options are typed
        assertThat(catalog.validateEndpointProperties("zalo:send?caresoft.rateLimit=fast").getInvalidInteger())
                .containsEntry("caresoft.rateLimit", "fast");
    }

    @Test
    void componentPropertiesValidateAsCamelMainAndJBangUsersWriteThem() {
        for (String line : new String[] { "camel.component.zalo.caresoft.api-key=secret",
                "camel.component.zalo.caresoft.rate-limit=10", "camel.component.zalo.etelecom.base-url=http://x",
                "camel.component.zalo.max-connections=20", "camel.component.zalo.oa-id=1600190000752846" }) {
            ConfigurationPropertiesValidationResult result = catalog.validateConfigurationProperty(line);
            assertThat(result.isSuccess()).as(line + ": " + result.summaryErrorMessage(false, false, false)).isTrue();
        }
        assertThat(catalog.validateConfigurationProperty("camel.component.zalo.caresoft-api-key=x").getUnknown())
                .contains("camel.component.zalo.caresoft-api-key");
        assertThat(catalog.validateConfigurationProperty("camel.component.zalo.max-connections=many")
                .getInvalidInteger()).containsKey("camel.component.zalo.max-connections");
    }

    /** What the catalog marks secret is what Camel Main and Camel JBang mask when they print the configuration. */
    @Test
    void everySecretOptionIsMaskedByCamelMainAndJBangByItsPropertyKey() throws Exception {
        var secrets = model.getComponentOptions().stream().filter(ComponentOptionModel::isSecret)
                .map(ComponentOptionModel::getName).collect(Collectors.toList());

        assertThat(secrets).containsExactlyInAnyOrder("caresoft.apiKey", "etelecom.apiKey", "apiKey", "zalo.appSecret",
                "zalo.oaSecretKey", "zalo.previousOaSecretKey", "zalo.oaSecretKeys", "zalo.refreshToken", "proxyUsername",
                "proxyPassword");
        try (CamelContext context = new DefaultCamelContext()) {
            // app-secret and oa-secret-key are no names Camel knows: the component adds them to the context's
            // sensitive keywords, which Camel Main, JBang and the Spring Boot starter consult too
            context.addComponent("zalo", new ZaloComponent());
            for (String secret : secrets) {
                String key = OptionRanges.propertyKey(secret);
                assertThat(CamelContextHelper.containsSensitive(context, key)).as(key).isTrue();
            }
            assertThat(SensitiveUtils.containsSensitive(OptionRanges.propertyKey("caresoft.apiKey"))).isTrue();
        }
    }

    /**
     * The catalog's defaults are what the code does when nothing is set: the component's and the endpoints' (read
     * through the generated configurers) and the accounts' (which leave the default to the provider).
     */
    @Test
    void theCatalogDefaultsAreTheDefaultsTheCodeApplies() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ZaloComponent component = new ZaloComponent();
            PropertyConfigurerGetter configurer = (PropertyConfigurerGetter) PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("zalo-component", context);
            for (ComponentOptionModel option : model.getComponentOptions()) {
                if (option.getDefaultValue() == null) {
                    continue;
                }
                Object actual;
                if (option.getName().startsWith("caresoft.") || option.getName().startsWith("etelecom.")) {
                    ZaloProviderType provider = ZaloProviderType.valueOf(option.getName().split("\\.")[0]);
                    actual = option.getName().endsWith(".rateLimit") ? provider.adapter().defaultRateLimit()
                            : provider.adapter().defaultBaseUrl();
                } else if (option.getName().startsWith("zalo.")) {
                    actual = officialApiDefault(context, component, option.getName().substring(5));
                } else {
                    actual = configurer.getOptionValue(component, option.getName(), false);
                }
                assertThat(Objects.toString(actual)).as(option.getName())
                        .isEqualTo(Objects.toString(option.getDefaultValue()));
            }
        }
        assertThat(ZaloProviderType.caresoft.adapter().defaultBaseUrl()).as("CareSoft has no default base URL")
                .isNull();
        assertThat(option("caresoft.baseUrl").getDefaultValue()).isNull();
    }

    /** The official API's account leaves its rate limit and hosts to the provider; the rest are its own fields. */
    private static Object officialApiDefault(CamelContext context, ZaloComponent component, String name) {
        return switch (name) {
            case "rateLimit" -> (int) Math.round(ZaloOaProvider.DEFAULT_RATE_LIMIT * 60);
            case "oauthBaseUrl" -> ZaloOaProvider.OAUTH_BASE_URL;
            case "openApiBaseUrl" -> ZaloOaProvider.OPEN_API_BASE_URL;
            case "businessBaseUrl" -> ZaloOaProvider.BUSINESS_BASE_URL;
            default -> ((PropertyConfigurerGetter) PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer(ZaloAppAccount.class.getName(), context))
                    .getOptionValue(component.getZalo(), name, false);
        };
    }

    private static void assertOption(String name, String type, String defaultValue, boolean secret) {
        ComponentOptionModel option = option(name);
        assertThat(option.getType()).as(name).isEqualTo(type);
        assertThat(option.getDefaultValue() == null ? null : option.getDefaultValue().toString()).as(name)
                .isEqualTo(defaultValue);
        assertThat(option.getDescription()).as(name).isNotBlank();
        assertThat(option.isSecret()).as(name).isEqualTo(secret);
    }

    private static ComponentOptionModel option(String name) {
        Map<String, ComponentOptionModel> options = model.getComponentOptions().stream()
                .collect(Collectors.toMap(ComponentOptionModel::getName, o -> o));
        assertThat(options).as("component options").containsKey(name);
        return options.get(name);
    }
}
