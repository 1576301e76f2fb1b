package io.github.camelzalo.component.zalo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A {@link ZaloTestSupport} whose CareSoft and eTelecom accounts point at a {@link FaultServer}, started once per test
 * class and reset for every test, instead of WireMock.
 */
abstract class FaultServerTestSupport extends ZaloTestSupport {

    protected static FaultServer server;

    @BeforeAll
    static void startFaultServer() throws Exception {
        server = new FaultServer();
    }

    @AfterAll
    static void stopFaultServer() throws Exception {
        server.close();
    }

    /** Subclasses call this first from {@link #configure(ZaloComponent)}. */
    protected static void pointAtFaultServer(ZaloComponent zalo) {
        server.reset();
        zalo.getCaresoft().setBaseUrl(server.url() + "/acme");
        zalo.getEtelecom().setBaseUrl(server.url() + "/v1/shop");
    }
}
