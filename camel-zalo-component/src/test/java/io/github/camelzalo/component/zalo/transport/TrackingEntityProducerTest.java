package io.github.camelzalo.component.zalo.transport;

import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whether a failed POST can have reached the server, from the connection's sent-bytes counter. A wrong
 * {@code false} would let a route send a customer the same message twice; a wrong {@code true} only loses a safe
 * retry. On a real socket the cases below depend on timing, so they are pinned down here.
 */
class TrackingEntityProducerTest {

    private static final byte[] BODY = "{\"phone\":\"x\",\"message\":\"Xin chào\"}".getBytes(StandardCharsets.UTF_8);

    private final AtomicLong sentBytes = new AtomicLong();
    private final HttpCoreContext context = HttpCoreContext.create();
    private final TrackingEntityProducer entity = new TrackingEntityProducer(
            AsyncEntityProducers.create(BODY, ContentType.APPLICATION_JSON), context, BODY.length);

    @Test
    void nothingCanHaveArrivedBeforeTheBodyStarted() {
        context.setEndpointDetails(details());

        assertThat(entity.mayHaveArrived()).isFalse();
    }

    @Test
    void aBodyThatFailedToLeaveCannotHaveArrived() throws Exception {
        context.setEndpointDetails(details());
        sentBytes.set(1_000); // earlier requests on this kept-alive connection
        entity.produce(channel());
        sentBytes.addAndGet(BODY.length - 1); // not all of the body reached the socket before a write failed

        assertThat(entity.mayHaveArrived()).isFalse();
    }

    @Test
    void aBodyThatWasWrittenMayHaveArrived() throws Exception {
        context.setEndpointDetails(details());
        sentBytes.set(1_000);
        entity.produce(channel());
        sentBytes.addAndGet(BODY.length);

        assertThat(entity.mayHaveArrived()).isTrue();
    }

    @Test
    void aCallGivenUpBeforeItsBodyStartedNeverSendsIt() {
        context.setEndpointDetails(details());

        assertThat(entity.abandon()).as("may have arrived").isFalse();
        // HttpClient may still get round to the body after a late cancellation: it must not go out
        assertThatThrownBy(() -> entity.produce(channel())).isInstanceOf(InterruptedIOException.class);
        assertThat(entity.mayHaveArrived()).isFalse();
    }

    @Test
    void aCallGivenUpAfterItsBodyStartedMayHaveArrivedWhateverTheCounterSays() throws Exception {
        context.setEndpointDetails(details());
        entity.produce(channel());

        // the connection may still be flushing the body, so the counter proves nothing yet
        assertThat(entity.abandon()).isTrue();
    }

    @Test
    void withoutConnectionMetricsAStartedBodyMayHaveArrived() throws Exception {
        entity.produce(channel());

        assertThat(entity.mayHaveArrived()).isTrue();
    }

    /** A gate that holds the body until told, as the pacer does. */
    private static final class HeldGate implements WriteGate {
        Runnable go;
        java.util.function.Consumer<Exception> refused;
        boolean cancelled;

        @Override
        public Turn awaitTurn(Runnable go, java.util.function.Consumer<Exception> refused) {
            this.go = go;
            this.refused = refused;
            return () -> cancelled = true;
        }
    }

    @Test
    void aGatedBodyOffersNothingUntilItsTurnComesAndThenGoesOut() throws Exception {
        HeldGate gate = new HeldGate();
        TrackingEntityProducer gated = new TrackingEntityProducer(
                AsyncEntityProducers.create(BODY, ContentType.APPLICATION_JSON), context, BODY.length, gate);
        context.setEndpointDetails(details());
        int[] outputRequests = new int[1];
        List<byte[]> written = new java.util.ArrayList<>();
        DataStreamChannel channel = recording(written, outputRequests);

        gated.produce(channel);

        assertThat(written).as("nothing written while waiting for the turn").isEmpty();
        assertThat(gated.available()).as("nothing offered, so HttpCore waits for requestOutput()").isZero();
        assertThat(gated.mayHaveArrived()).isFalse();
    }

    @Test
    void whenTheTurnComesTheChannelIsAskedForOutputAndTheBodyGoesOut() throws Exception {
        HeldGate gate = new HeldGate();
        TrackingEntityProducer gated = new TrackingEntityProducer(
                AsyncEntityProducers.create(BODY, ContentType.APPLICATION_JSON), context, BODY.length, gate);
        context.setEndpointDetails(details());
        int[] outputRequests = new int[1];
        List<byte[]> written = new java.util.ArrayList<>();
        DataStreamChannel channel = recording(written, outputRequests);
        gated.produce(channel);

        gate.go.run();
        gated.produce(channel);

        assertThat(outputRequests[0]).isEqualTo(1);
        assertThat(written).hasSize(1);
        assertThat(written.get(0)).isEqualTo(BODY);
        sentBytes.addAndGet(BODY.length);
        assertThat(gated.mayHaveArrived()).isTrue();
    }

    @Test
    void aCallGivenUpWhileWaitingForItsTurnLeavesTheQueueAndIsNeverSent() throws Exception {
        HeldGate gate = new HeldGate();
        TrackingEntityProducer gated = new TrackingEntityProducer(
                AsyncEntityProducers.create(BODY, ContentType.APPLICATION_JSON), context, BODY.length, gate);
        context.setEndpointDetails(details());
        List<byte[]> written = new java.util.ArrayList<>();
        DataStreamChannel channel = recording(written, new int[1]);
        gated.produce(channel);

        assertThat(gated.abandon()).as("may have arrived").isFalse();

        assertThat(gate.cancelled).as("the wait given up").isTrue();
        gate.go.run();
        assertThatThrownBy(() -> gated.produce(channel)).isInstanceOf(InterruptedIOException.class);
        assertThat(written).isEmpty();
    }

    @Test
    void aRefusedTurnFailsTheCallNotSent() throws Exception {
        HeldGate gate = new HeldGate();
        TrackingEntityProducer gated = new TrackingEntityProducer(
                AsyncEntityProducers.create(BODY, ContentType.APPLICATION_JSON), context, BODY.length, gate);
        context.setEndpointDetails(details());
        int[] outputRequests = new int[1];
        DataStreamChannel channel = recording(new java.util.ArrayList<>(), outputRequests);
        gated.produce(channel);

        gate.refused.accept(new IllegalStateException("pacing stopped"));

        assertThat(outputRequests[0]).as("woken up to fail").isEqualTo(1);
        assertThatThrownBy(() -> gated.produce(channel)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.isRequestSent()).isFalse();
            assertThat(e.getMessage()).contains("pacing stopped");
        });
        assertThat(gated.mayHaveArrived()).isFalse();
    }

    private static DataStreamChannel recording(List<byte[]> written, int[] outputRequests) {
        return new DataStreamChannel() {
            @Override
            public void requestOutput() {
                outputRequests[0]++;
            }

            @Override
            public int write(ByteBuffer src) {
                byte[] chunk = new byte[src.remaining()];
                src.get(chunk);
                written.add(chunk);
                return chunk.length;
            }

            @Override
            public void endStream() {
            }

            @Override
            public void endStream(List<? extends Header> trailers) {
            }
        };
    }

    private EndpointDetails details() {
        return new EndpointDetails(new InetSocketAddress(0), new InetSocketAddress(0), null) {
            @Override
            public long getRequestCount() {
                return 1;
            }

            @Override
            public long getResponseCount() {
                return 0;
            }

            @Override
            public long getSentBytesCount() {
                return sentBytes.get();
            }

            @Override
            public long getReceivedBytesCount() {
                return 0;
            }
        };
    }

    /** Takes everything; what the socket does with it is the counter's business. */
    private static DataStreamChannel channel() {
        return new DataStreamChannel() {
            @Override
            public void requestOutput() {
            }

            @Override
            public int write(ByteBuffer src) {
                int n = src.remaining();
                src.position(src.limit());
                return n;
            }

            @Override
            public void endStream() {
            }

            @Override
            public void endStream(List<? extends Header> trailers) {
            }
        };
    }
}
