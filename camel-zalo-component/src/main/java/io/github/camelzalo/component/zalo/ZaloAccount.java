package io.github.camelzalo.component.zalo;

/**
 * One provider account, shared by every endpoint of the component that uses that provider: set once as
 * {@code camel.component.zalo.caresoft.base-url}, {@code .api-key}, {@code .rate-limit} (and the same under
 * {@code etelecom}). Nested this way, the key's property name ends in {@code api-key}, which Camel Main and Camel
 * JBang mask when they print the configuration.
 * <p>
 * Each provider has its own class, {@link CareSoftAccount} and {@link ETelecomAccount}, whose {@code @UriParam}
 * fields are the account's options: the build lists each of them in the component's catalog JSON as
 * {@code caresoft.apiKey}, ..., with its type, default, description and whether it is secret. A provider with other
 * settings gets a class of its own with those fields.
 */
public interface ZaloAccount {

    /** The provider's API base URL, or {@code null} for the provider's default. */
    String getBaseUrl();

    /** The API key, sent as a Bearer token. A secret. */
    String getApiKey();

    /**
     * The most calls per second to this account, shared by every endpoint of the JVM that uses it; 0 turns pacing
     * off; {@code null} means the provider's default.
     */
    Integer getRateLimit();
}
