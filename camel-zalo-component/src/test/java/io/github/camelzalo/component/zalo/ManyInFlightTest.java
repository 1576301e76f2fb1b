package io.github.camelzalo.component.zalo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More calls in flight than connections, queued completions or pending deadlines that Camel's default thread pool
 * profile allows (1,000): every one must complete normally, none be rejected.
 */
class ManyInFlightTest extends ZaloTestSupport {

    @Test
    void fifteenHundredCallsInFlightAllSucceed() throws Exception {
        stub(CARESOFT_USER_STATUS, json(200, UserStatusTest.DOCUMENT_ANSWER).withFixedDelay(50));
        // what is asserted is that none is rejected, not how fast WireMock answers 1,500 calls on a busy machine
        AsyncProducer producer = context.getEndpoint("zalo:userStatus?requestTimeout=60000").createAsyncProducer();
        producer.start();
        int calls = 1_500;
        CountDownLatch done = new CountDownLatch(calls);

        List<Exchange> exchanges = processAll(producer, calls, "0981234980", done);

        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        wireMock.verify(calls, postRequestedFor(urlEqualTo(CARESOFT_USER_STATUS)));
        producer.stop();
    }
}
