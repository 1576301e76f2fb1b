package io.github.camelzalo.component.zalo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code maxConnections} bounds what the component opens to the provider, whatever the load: 50 concurrent slow
 * calls over 2 connections queue for them (without holding threads) and all complete.
 */
class BoundedResourcesTest extends ZaloTestSupport {

    private static final int CALLS = 50;
    private static FaultServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new FaultServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected void configure(ZaloComponent zalo) {
        server.reset();
        server.answerDelay(40);
        zalo.getCaresoft().setBaseUrl(server.url() + "/acme");
        zalo.setMaxConnections(2);
        // the deadline also covers the wait for a free connection: 50 calls x 40 ms / 2 connections is about 1 s
        zalo.getConfiguration().setRequestTimeout(20_000);
    }

    @Test
    void neverMoreThanMaxConnectionsReachTheServerAndAllCallsComplete() throws Exception {
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            int id = i;
            calls.add(template.asyncSend("zalo:send", e -> {
                e.getIn().setHeader(ZaloConstants.PHONE_NO, "0981234980");
                e.getIn().setBody("Xin chào msg-" + id);
            }));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);

        assertThat(calls).allSatisfy(f -> assertThat(f.join().getException()).isNull());
        assertThat(server.requestsRead).hasValue(CALLS);
        assertThat(server.maxOpenConnections.get()).as("connections open at once").isLessThanOrEqualTo(2);
        assertThat(server.maxInFlight.get()).as("requests in progress at once").isEqualTo(2);
        assertThat(server.connectionsAccepted.get()).as("connections opened in all").isLessThanOrEqualTo(2);
    }
}
