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
 * </ul>
 */
public record DemoSettings(String caresoftBaseUrl, String caresoftApiKey, String etelecomBaseUrl,
        String etelecomApiKey, String oaId, String transactionScriptId, String imageUrl, URL customers, String dsl) {

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
        return new DemoSettings(lookup.apply("ZALO_CARESOFT_BASE_URL"), lookup.apply("ZALO_CARESOFT_API_KEY"),
                lookup.apply("ZALO_ETELECOM_BASE_URL"), lookup.apply("ZALO_ETELECOM_API_KEY"),
                lookup.apply("ZALO_OA_ID"), script != null ? script : SANDBOX_TRANSACTION_SCRIPT,
                image != null ? image : DEFAULT_IMAGE_URL, customers != null ? toUrl(customers) : shippedCustomers(),
                dsl != null ? dsl : "java");
    }

    public static DemoSettings sandboxDefaults(String dsl) {
        return from(Map.of("DEMO_DSL", dsl)::get);
    }

    /** Real accounts are used when CareSoft's URL and key are both given. */
    public boolean useSandbox() {
        return caresoftBaseUrl == null || caresoftApiKey == null;
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
                imageUrl, customers, dsl);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "DemoSettings[caresoft=" + caresoftBaseUrl + ", etelecom=" + etelecomBaseUrl + ", oaId=" + oaId
               + ", customers=" + customers + ", dsl=" + dsl + "]";
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
