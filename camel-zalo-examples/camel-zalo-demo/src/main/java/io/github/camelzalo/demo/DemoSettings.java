package io.github.camelzalo.demo;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where the demo sends. Without a real account configured it starts the sandbox; with one it uses the providers.
 * Each setting is an environment variable, or the system property of the same name in lower case with dots
 * ({@code ZALO_CARESOFT_BASE_URL} or {@code -Dzalo.caresoft.base.url}).
 *
 * <ul>
 * <li>{@code ZALO_CARESOFT_BASE_URL}, {@code ZALO_CARESOFT_API_KEY}: a real CareSoft account (both needed)</li>
 * <li>{@code ZALO_ETELECOM_API_KEY}, optional {@code ZALO_ETELECOM_BASE_URL}: a real eTelecom account</li>
 * <li>{@code ZALO_OA_ID}: the Zalo OA id</li>
 * <li>{@code DEMO_TRANSACTION_SCRIPT_ID}: the CareSoft script for "order delivered" (sandbox: 201)</li>
 * <li>{@code DEMO_IMAGE_URL}: the image sent to followers</li>
 * <li>{@code DEMO_CUSTOMERS}: a CSV file of customers instead of the one shipped with the demo</li>
 * <li>{@code DEMO_DSL}: {@code java} (default) or {@code yaml}, which of the two route definitions runs</li>
 * <li>{@code ZALO_APP_ID}, {@code ZALO_APP_SECRET}, optional {@code ZALO_REFRESH_TOKEN}: a real Zalo app for the
 * official API's run (its tokens in the default file store, {@code ~/.camel-zalo/tokens}, as the consent command
 * saves them)</li>
 * <li>{@code DEMO_ZNS_TEMPLATE_ID}: the ZNS template of the official API's fallback (sandbox: 2450001)</li>
 * <li>{@code DEMO_RUNS}: {@code resellers}, {@code zalo} or {@code resellers,zalo} (default), which runs to make</li>
 * </ul>
 */
public record DemoSettings(String caresoftBaseUrl, String caresoftApiKey, String etelecomBaseUrl,
        String etelecomApiKey, String oaId, String transactionScriptId, String imageUrl, URL customers, String dsl,
        OfficialApi officialApi, String runs) {

    /**
     * The official API's app for its run; {@code null} URLs mean Zalo's own hosts.
     *
     * @param refreshToken the first refresh token, or {@code null} when the token store already has the OA's pair
     */
    public record OfficialApi(String appId, String appSecret, String refreshToken, String oauthBaseUrl,
            String openApiBaseUrl, String businessBaseUrl, String znsTemplateId) {

        /** Never prints the secret or the token. */
        @Override
        public String toString() {
            return "OfficialApi[appId=" + appId + ", openApi=" + openApiBaseUrl + ", znsTemplate=" + znsTemplateId
                   + "]";
        }
    }

    public static final String SANDBOX_ZNS_TEMPLATE = "2450001";

    public static final String DEFAULT_IMAGE_URL = "https://cdn.example.vn/khuyen-mai-thang-11.png";
    public static final String SANDBOX_TRANSACTION_SCRIPT = "201";

    public static DemoSettings fromEnvironment() {
        return from(name -> {
            String env = System.getenv(name);
            return env != null && !env.isBlank() ? env : System.getProperty(name.toLowerCase().replace('_', '.'));
        });
    }

    static DemoSettings from(Function<String, String> lookup) {
        String customers = lookup.apply("DEMO_CUSTOMERS");
        String script = lookup.apply("DEMO_TRANSACTION_SCRIPT_ID");
        String image = lookup.apply("DEMO_IMAGE_URL");
        String dsl = lookup.apply("DEMO_DSL");
        String zns = lookup.apply("DEMO_ZNS_TEMPLATE_ID");
        String runs = lookup.apply("DEMO_RUNS");
        OfficialApi official = new OfficialApi(lookup.apply("ZALO_APP_ID"), lookup.apply("ZALO_APP_SECRET"),
                lookup.apply("ZALO_REFRESH_TOKEN"), null, null, null, zns != null ? zns : SANDBOX_ZNS_TEMPLATE);
        return new DemoSettings(lookup.apply("ZALO_CARESOFT_BASE_URL"), lookup.apply("ZALO_CARESOFT_API_KEY"),
                lookup.apply("ZALO_ETELECOM_BASE_URL"), lookup.apply("ZALO_ETELECOM_API_KEY"),
                lookup.apply("ZALO_OA_ID"), script != null ? script : SANDBOX_TRANSACTION_SCRIPT,
                image != null ? image : DEFAULT_IMAGE_URL, customers != null ? toUrl(customers) : shippedCustomers(),
                dsl != null ? dsl : "java", official, runs != null ? runs : "resellers,zalo");
    }

    public static DemoSettings sandboxDefaults(String dsl) {
        return from(Map.of("DEMO_DSL", dsl)::get);
    }

    /** Real accounts are used when CareSoft's URL and key, or a Zalo app's id and secret, are given. */
    public boolean useSandbox() {
        return (caresoftBaseUrl == null || caresoftApiKey == null) && !hasRealZaloApp();
    }

    private boolean hasRealZaloApp() {
        return officialApi.appId() != null && officialApi.appSecret() != null && officialApi.oauthBaseUrl() == null;
    }

    /** Whether the run through CareSoft and eTelecom is made: asked for, and an account (or the sandbox) there. */
    public boolean runsResellers() {
        return runs.contains("resellers") && (useSandbox() || caresoftBaseUrl != null && caresoftApiKey != null);
    }

    /** Whether the run through the official API is made: asked for, and an app (or the sandbox) there. */
    public boolean runsOfficialApi() {
        return runs.contains("zalo") && officialApi.appId() != null && officialApi.appSecret() != null;
    }

    /** The component's configuration for the official API's run, as Camel Main properties. */
    public Properties officialApiProperties() {
        Properties p = new Properties();
        p.setProperty("camel.component.zalo.zalo.app-id", officialApi.appId());
        p.setProperty("camel.component.zalo.zalo.app-secret", officialApi.appSecret());
        if (officialApi.refreshToken() != null) {
            p.setProperty("camel.component.zalo.zalo.refresh-token", officialApi.refreshToken());
        }
        if (officialApi.oauthBaseUrl() != null) {
            p.setProperty("camel.component.zalo.zalo.oauth-base-url", officialApi.oauthBaseUrl());
            p.setProperty("camel.component.zalo.zalo.open-api-base-url", officialApi.openApiBaseUrl());
            p.setProperty("camel.component.zalo.zalo.business-base-url", officialApi.businessBaseUrl());
        }
        if (oaId != null) {
            p.setProperty("camel.component.zalo.oa-id", oaId);
        }
        p.setProperty("demo.zns-template-id", officialApi.znsTemplateId());
        return p;
    }

    /** The same settings with the official API's app and hosts (a sandbox's). */
    public DemoSettings withOfficialApi(String appId, String appSecret, String refreshToken, String oauth,
                                        String openApi, String business, String oa) {
        return new DemoSettings(caresoftBaseUrl, caresoftApiKey, etelecomBaseUrl, etelecomApiKey, oa,
                transactionScriptId, imageUrl, customers, dsl,
                new OfficialApi(appId, appSecret, refreshToken, oauth, openApi, business, officialApi.znsTemplateId()),
                runs);
    }

    /** The component's configuration as Camel Main properties. */
    public Properties componentProperties() {
        Properties p = new Properties();
        p.setProperty("camel.component.zalo.caresoft.base-url", caresoftBaseUrl);
        p.setProperty("camel.component.zalo.caresoft.api-key", caresoftApiKey);
        if (etelecomBaseUrl != null) {
            p.setProperty("camel.component.zalo.etelecom.base-url", etelecomBaseUrl);
        }
        if (etelecomApiKey != null) {
            p.setProperty("camel.component.zalo.etelecom.api-key", etelecomApiKey);
        }
        if (oaId != null) {
            p.setProperty("camel.component.zalo.oa-id", oaId);
        }
        p.setProperty("demo.transaction-script-id", transactionScriptId);
        p.setProperty("demo.image-url", imageUrl);
        return p;
    }

    public DemoSettings withAccounts(String caresoftUrl, String caresoftKey, String etelecomUrl, String etelecomKey,
                                     String oa) {
        return new DemoSettings(caresoftUrl, caresoftKey, etelecomUrl, etelecomKey, oa, transactionScriptId,
                imageUrl, customers, dsl, officialApi, runs);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "DemoSettings[caresoft=" + caresoftBaseUrl + ", etelecom=" + etelecomBaseUrl + ", oaId=" + oaId
               + ", customers=" + customers + ", dsl=" + dsl + ", officialApi=" + officialApi + ", runs=" + runs + "]";
    }

    private static URL shippedCustomers() {
        return DemoSettings.class.getResource("/customers.csv");
    }

    private static URL toUrl(String path) {
        try {
            return Path.of(path).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a file: " + path, e);
        }
    }
}
