package io.github.camelzalo.component.zalo;

import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS to the provider: certificates and host names are verified by default, a private CA or self-signed certificate
 * comes in through Camel's {@link SSLContextParameters}, and a connection cut during the handshake is a transient
 * failure of a request that was never sent.
 */
class TlsTest extends ZaloTestSupport {

    private static TestTls tls;
    private static HttpsServer localhostServer;
    private static HttpsServer otherHostServer;
    private static final AtomicInteger LOCALHOST_REQUESTS = new AtomicInteger();
    private static final AtomicInteger OTHER_HOST_REQUESTS = new AtomicInteger();

    @BeforeAll
    static void startHttpsServers() throws Exception {
        tls = TestTls.get();
        localhostServer = TestTls.httpsServer(tls.localhostKeyStore, LOCALHOST_REQUESTS);
        otherHostServer = TestTls.httpsServer(tls.otherHostKeyStore, OTHER_HOST_REQUESTS);
    }

    @AfterAll
    static void stopHttpsServers() {
        localhostServer.stop(0);
        otherHostServer.stop(0);
    }

    @BeforeEach
    void resetCounts() {
        LOCALHOST_REQUESTS.set(0);
        OTHER_HOST_REQUESTS.set(0);
    }

    /** A zalo component under another name, configured like the test's default one plus the given TLS settings. */
    private String component(String name, SSLContextParameters parameters, boolean useGlobal) {
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setApiKey(CARESOFT_KEY);
        zalo.getEtelecom().setApiKey(ETELECOM_KEY);
        zalo.getConfiguration().setOaId(OA_ID);
        zalo.getConfiguration().setRequestTimeout(5_000);
        zalo.setSslContextParameters(parameters);
        zalo.setUseGlobalSslContextParameters(useGlobal);
        context.addComponent(name, zalo);
        return name;
    }

    private Exchange send(String uri) {
        return call(uri, "Xin chào", ZaloConstants.PHONE_NO, "0981234980");
    }

    private static String https(HttpsServer server) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/acme";
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        Exchange out = send("zalo:send?baseUrl=" + https(localhostServer));

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TLS_FAILED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getHttpStatus()).isZero();
        assertThat(LOCALHOST_REQUESTS).hasValue(0);
    }

    @Test
    void theRightTrustStoreThroughSslContextParametersIsAccepted() {
        String zalo = component("zalotrusting", tls.trustingParameters(), false);

        Exchange out = send(zalo + ":send?baseUrl=" + https(localhostServer));

        assertThat(out.getException()).isNull();
        assertThat(LOCALHOST_REQUESTS).hasValue(1);
    }

    @Test
    void theCamelContextsGlobalSslContextParametersAreUsedWhenAskedFor() {
        context.setSSLContextParameters(tls.trustingParameters());
        String zalo = component("zaloglobal", null, true);

        Exchange out = send(zalo + ":send?baseUrl=" + https(localhostServer));

        assertThat(out.getException()).isNull();
        assertThat(LOCALHOST_REQUESTS).hasValue(1);
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() {
        String zalo = component("zalotrusting", tls.trustingParameters(), false);

        Exchange out = send(zalo + ":send?baseUrl=" + https(otherHostServer));

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TLS_FAILED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(OTHER_HOST_REQUESTS).hasValue(0);
    }

    @Test
    void aResetDuringTheHandshakeWasNeverSentSoASendIsRetryable() throws Exception {
        String zalo = component("zalotrusting", tls.trustingParameters(), false);
        try (TestTls.HandshakeCutter cutter = new TestTls.HandshakeCutter(localhostServer.getAddress().getPort(), 1,
                true)) {
            String uri = zalo + ":send?baseUrl=https://127.0.0.1:" + cutter.port() + "/acme";

            ZaloApiException e = (ZaloApiException) send(uri).getException();

            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.IO_ERROR);
            assertThat(e.isRetryable()).isTrue();
            assertThat(LOCALHOST_REQUESTS).hasValue(0);
            // the very next message on the same endpoint goes through
            assertThat(send(uri).getException()).isNull();
            assertThat(LOCALHOST_REQUESTS).hasValue(1);
        }
    }

    @Test
    void aCloseDuringTheHandshakeIsAConnectFailureNotACertificateProblem() throws Exception {
        String zalo = component("zalotrusting", tls.trustingParameters(), false);
        try (TestTls.HandshakeCutter cutter = new TestTls.HandshakeCutter(localhostServer.getAddress().getPort(), 1,
                false)) {
            String uri = zalo + ":send?baseUrl=https://127.0.0.1:" + cutter.port() + "/acme";

            ZaloApiException e = (ZaloApiException) send(uri).getException();

            assertThat(e.getKind()).isEqualTo(ZaloErrorKind.CONNECT_FAILED);
            assertThat(e.isRetryable()).isTrue();
            assertThat(send(uri).getException()).isNull();
            assertThat(LOCALHOST_REQUESTS).hasValue(1);
        }
    }
}
