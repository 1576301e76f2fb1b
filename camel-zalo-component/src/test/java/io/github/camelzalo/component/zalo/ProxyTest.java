package io.github.camelzalo.component.zalo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls through an outbound HTTP proxy, a real one on 127.0.0.1 that alone can resolve the providers' host names
 * used here: http as proxy requests, https in a CONNECT tunnel, with Basic credentials from the first request; the
 * hosts that bypass it; the JVM's standard proxy properties; and a proxy that refuses, which ends the call at once
 * with a kind that says so.
 */
class ProxyTest extends ZaloTestSupport {

    private static final String PROXIED_HOST = "caresoft.proxied.test";
    private static final String TLS_HOST = "zalo.example";
    private static final String PROXY_USER = "ops";
    private static final String PROXY_PASSWORD = "zalo-secret-proxy-5ba3e1";

    /** HttpClient's header log, to see what it shows of the proxy's credentials. */
    @RegisterExtension
    final CapturedLog headers = CapturedLog.of("org.apache.hc.client5.http.headers");

    private static TestTls tls;
    private static HttpsServer httpsProvider;
    private static final AtomicInteger HTTPS_REQUESTS = new AtomicInteger();
    private static ForwardProxy proxy;

    @BeforeAll
    static void startProxyAndHttpsProvider() throws Exception {
        tls = TestTls.get();
        httpsProvider = TestTls.httpsServer(tls.otherHostKeyStore, HTTPS_REQUESTS);
        proxy = new ForwardProxy().resolve(PROXIED_HOST).resolve(TLS_HOST);
    }

    @AfterAll
    static void stopProxyAndHttpsProvider() throws Exception {
        proxy.close();
        httpsProvider.stop(0);
    }

    @BeforeEach
    void resetProxy() {
        proxy.reset();
        HTTPS_REQUESTS.set(0);
        stub(CARESOFT_SEND, caresoftOk());
    }

    @AfterEach
    void clearSystemProperties() {
        for (String p : List.of("https.proxyHost", "https.proxyPort", "https.proxyUser", "https.proxyPassword",
                "http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
            System.clearProperty(p);
        }
    }

    /** A zalo component under {@code name} whose CareSoft account is at {@code baseUrl}. */
    private ZaloComponent component(String name, String baseUrl) {
        return component(name, baseUrl, zalo -> {
        });
    }

    /** The same, with {@code setup} applied before the component starts. */
    private ZaloComponent component(String name, String baseUrl, Consumer<ZaloComponent> setup) {
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(baseUrl);
        zalo.getCaresoft().setApiKey(CARESOFT_KEY);
        zalo.getCaresoft().setRateLimit(0);
        zalo.getConfiguration().setOaId(OA_ID);
        zalo.getConfiguration().setRequestTimeout(5_000);
        zalo.setSslContextParameters(tls.trustingParameters());
        setup.accept(zalo);
        context.addComponent(name, zalo);
        return zalo;
    }

    /** A component that goes through the test's proxy with its credentials, plus {@code setup}. */
    private ZaloComponent proxied(String name, String baseUrl, Consumer<ZaloComponent> setup) {
        return component(name, baseUrl, zalo -> {
            zalo.setProxyHost("127.0.0.1");
            zalo.setProxyPort(proxy.port());
            zalo.setProxyUsername(PROXY_USER);
            zalo.setProxyPassword(PROXY_PASSWORD);
            setup.accept(zalo);
        });
    }

    private ZaloComponent proxied(String name, String baseUrl) {
        return proxied(name, baseUrl, zalo -> {
        });
    }

    private Exchange send(String component) {
        return call(component + ":send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
    }

    private static String httpBase() {
        return "http://" + PROXIED_HOST + ":" + wireMock.port() + "/acme";
    }

    private static String httpsBase() {
        return "https://" + TLS_HOST + ":" + httpsProvider.getAddress().getPort() + "/acme";
    }

    @Test
    void anHttpCallGoesToTheProxyInAbsoluteFormWithItsCredentialsAndReachesTheProvider() {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        proxied("viaproxy", httpBase());

        Exchange out = send("viaproxy");

        assertThat(out.getException()).isNull();
        assertThat(proxy.requestLines()).containsExactly(
                "POST http://" + PROXIED_HOST + ":" + wireMock.port() + CARESOFT_SEND + " HTTP/1.1");
        assertThat(proxy.authorizations()).containsExactly(ForwardProxy.basic(PROXY_USER, PROXY_PASSWORD));
        // the component's header: masked in HttpClient's header log
        assertThat(headers.lines()).anyMatch(l -> l.endsWith(">> Proxy-Authorization: ******"))
                .noneMatch(l -> l.contains("Basic "));
        // the proxy passed the provider's own credentials and the body on, and kept its own
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND))
                .withHeader("Authorization", equalTo("Bearer " + CARESOFT_KEY))
                .withoutHeader("Proxy-Authorization")
                .withRequestBody(equalToJson("""
                        {"zalo":{"phone_no":"0981234980","oa_id":"%s","message":"Xin chào"}}""".formatted(OA_ID))));
    }

    @Test
    void anHttpsCallGoesThroughACONNECTTunnelThatTheProxyCannotRead() {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        proxied("tunnel", httpsBase());

        Exchange out = send("tunnel");

        assertThat(out.getException()).isNull();
        assertThat(HTTPS_REQUESTS).hasValue(1);
        assertThat(proxy.requestLines()).containsExactly(
                "CONNECT " + TLS_HOST + ":" + httpsProvider.getAddress().getPort() + " HTTP/1.1");
        assertThat(proxy.authorizations()).containsExactly(ForwardProxy.basic(PROXY_USER, PROXY_PASSWORD));
        // TLS end to end: the proxy relayed bytes but never saw the key, the number or the path
        assertThat(proxy.tunnelledText()).isNotEmpty().doesNotContain(CARESOFT_KEY).doesNotContain("0981234980")
                .doesNotContain("send-message");
    }

    @Test
    void aProxyThatRefusesTheCredentialsOfAnHttpsCallEndsItAtOnceAsProxyRefused() {
        proxy.requireCredentials(PROXY_USER, "the-right-one");
        proxied("wrongcredentials", httpsBase());

        long started = System.nanoTime();
        Exchange out = send("wrongcredentials");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        ZaloApiException e = out.getException(ZaloApiException.class);
        assertThat(e).isNotNull();
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.PROXY_REFUSED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(e.getErrorMessage()).isEqualTo("The proxy 127.0.0.1:" + proxy.port()
                                                  + " refused the credentials (HTTP 407): check proxyUsername and"
                                                  + " proxyPassword");
        assertThat(e.getMessage()).doesNotContain(PROXY_PASSWORD);
        // one CONNECT with the credentials, no second try, and an answer long before requestTimeout
        assertThat(proxy.requestLines()).hasSize(1);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(HTTPS_REQUESTS).hasValue(0);
    }

    @Test
    void aProxyThatRefusesTheCredentialsOfAnHttpCallEndsItAsProxyRefusedAndTheProviderSeesNothing() {
        proxy.requireCredentials(PROXY_USER, "the-right-one");
        proxied("wronghttp", httpBase());

        Exchange out = send("wronghttp");

        ZaloApiException e = out.getException(ZaloApiException.class);
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.PROXY_REFUSED);
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(proxy.requestLines()).hasSize(1);
        wireMock.verify(0, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    @Test
    void aProxyThatWantsCredentialsNoneWereConfiguredForSaysWhatToSet() {
        proxy.requireCredentials(PROXY_USER, PROXY_PASSWORD);
        component("nocredentials", httpsBase(), zalo -> {
            zalo.setProxyHost("127.0.0.1");
            zalo.setProxyPort(proxy.port());
        });

        Exchange out = send("nocredentials");

        ZaloApiException e = out.getException(ZaloApiException.class);
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.PROXY_REFUSED);
        assertThat(e.getErrorMessage()).isEqualTo("The proxy 127.0.0.1:" + proxy.port()
                                                  + " asks for credentials (HTTP 407): set proxyUsername and"
                                                  + " proxyPassword");
        assertThat(proxy.authorizations()).containsExactly("");
    }

    @Test
    void aTunnelTheProxyCannotOpenIsAConnectFailureOfACallNeverSent() {
        proxy.refuseTunnelTo(TLS_HOST, 502);
        proxied("badgateway", httpsBase());

        Exchange out = send("badgateway");

        ZaloApiException e = out.getException(ZaloApiException.class);
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.CONNECT_FAILED);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(e.getErrorMessage()).isEqualTo("Could not connect: the proxy 127.0.0.1:" + proxy.port()
                                                  + " refused the tunnel to " + TLS_HOST + ":"
                                                  + httpsProvider.getAddress().getPort() + " (HTTP 502)");
        assertThat(HTTPS_REQUESTS).hasValue(0);
    }

    @Test
    void aTunnelTheProxyForbidsIsProxyRefusedNotRetryable() {
        proxy.refuseTunnelTo(TLS_HOST, 403);
        proxied("forbidden", httpsBase());

        ZaloApiException e = send("forbidden").getException(ZaloApiException.class);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.PROXY_REFUSED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(e.getErrorMessage()).isEqualTo("The proxy 127.0.0.1:" + proxy.port() + " refused the tunnel to "
                                                  + TLS_HOST + ":" + httpsProvider.getAddress().getPort()
                                                  + " (HTTP 403): it does not let calls through to that host");
        assertThat(HTTPS_REQUESTS).hasValue(0);
    }

    @Test
    void aHostOfNonProxyHostsIsReachedDirectly() {
        proxied("bypass", baseUrl() + "/acme", zalo -> zalo.setNonProxyHosts("localhost|127.*|*.internal"));

        Exchange out = send("bypass");

        assertThat(out.getException()).isNull();
        assertThat(proxy.requestLines()).isEmpty();
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    @Test
    void theJvmsStandardProxyPropertiesAreHonouredWithTheirCredentials() {
        proxy.requireCredentials("jvm-user", PROXY_PASSWORD);
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
        System.setProperty("https.proxyUser", "jvm-user");
        System.setProperty("https.proxyPassword", PROXY_PASSWORD);
        component("jvmproxy", httpsBase());

        Exchange out = send("jvmproxy");

        assertThat(out.getException()).isNull();
        assertThat(proxy.requestLines()).containsExactly(
                "CONNECT " + TLS_HOST + ":" + httpsProvider.getAddress().getPort() + " HTTP/1.1");
        assertThat(proxy.authorizations()).containsExactly(ForwardProxy.basic("jvm-user", PROXY_PASSWORD));
        assertThat(HTTPS_REQUESTS).hasValue(1);
    }

    @Test
    void useSystemProxyFalseIgnoresTheJvmsProxyProperties() {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.port()));
        component("jvmthrough", httpBase());
        component("direct", httpBase(), zalo -> zalo.setUseSystemProxy(false));

        assertThat(send("jvmthrough").getException()).isNull();
        // only the proxy can resolve the host: directly, the call cannot even connect
        ZaloApiException direct = send("direct").getException(ZaloApiException.class);

        assertThat(direct.getKind()).isEqualTo(ZaloErrorKind.CONNECT_FAILED);
        assertThat(direct.getErrorMessage()).contains("UnknownHostException " + PROXIED_HOST);
        assertThat(proxy.requestLines()).as("only the first call went through the proxy").hasSize(1);
        wireMock.verify(1, postRequestedFor(urlEqualTo(CARESOFT_SEND)));
    }

    @Test
    void aProxyHostWithoutAPortIsRefusedAtStartNamingTheOption() {
        assertThatThrownBy(() -> startWith(zalo -> zalo.setProxyHost("proxy.internal")))
                .hasStackTraceContaining("proxyPort (camel.component.zalo.proxy-port) is required with proxyHost");
    }

    @Test
    void proxyCredentialsWithoutAProxyHostAreRefused() {
        assertThatThrownBy(() -> startWith(zalo -> {
            zalo.setProxyUsername("ops");
            zalo.setProxyPassword(PROXY_PASSWORD);
        })).hasStackTraceContaining("The proxy options need proxyHost (camel.component.zalo.proxy-host)");
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> startWith(zalo -> {
            zalo.setProxyHost("proxy.internal");
            zalo.setProxyPort(3128);
            zalo.setProxyUsername("ops");
        })).hasStackTraceContaining("Set proxyUsername (camel.component.zalo.proxy-username) and proxyPassword"
                                    + " (camel.component.zalo.proxy-password) together");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> startWith(zalo -> {
            zalo.setProxyHost("proxy.internal");
            zalo.setProxyPort(70000);
        })).hasStackTraceContaining("proxyPort (camel.component.zalo.proxy-port) must be 1 to 65535, but was 70000");
    }

    /** Starts a context whose zalo component {@code setup} configures, with one route that uses it. */
    private static void startWith(Consumer<ZaloComponent> setup) throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl("https://api.caresoft.vn/acme");
            zalo.getCaresoft().setApiKey(CARESOFT_KEY);
            setup.accept(zalo);
            ctx.addComponent("zalo", zalo);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("zalo:send");
                }
            });
            ctx.start();
        } catch (FailedToStartRouteException e) {
            throw e;
        }
    }
}
