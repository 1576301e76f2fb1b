package io.github.camelzalo.component.zalo.pacing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Leases, sharing and the end of a pacer, on a clock that only moves when told. */
class PacerRegistryTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final PacerRegistry registry = new PacerRegistry(clock::get);
    private final AccountKey acme = AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "key-1");

    @Test
    void oneAccountOnePacerWhileLeasedAndGoneAfterTheLastRelease() {
        PacerRegistry.Lease first = registry.lease(acme, 15);
        PacerRegistry.Lease second = registry.lease(AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "key-1"),
                15);
        PacerRegistry.Lease other = registry.lease(AccountKey.of("caresoft", "https://api.caresoft.vn/acme", "key-2"),
                15);

        assertThat(second.pacer()).isSameAs(first.pacer()).isNotSameAs(other.pacer());

        first.release("a", null);
        first.release("a", null);
        assertThat(registry.find(acme)).as("still leased once").isSameAs(second.pacer());
        second.release("b", null);
        assertThat(registry.find(acme)).isNull();
        other.release("c", null);
    }

    @Test
    void whenThePacerEndsEveryCallStillWaitingAndEveryLaterOneIsTold() {
        PacerRegistry.Lease lease = registry.lease(acme, 15);
        AccountPacer pacer = lease.pacer();
        Recorder calls = new Recorder();
        pacer.acquire("endpoint", calls);
        pacer.acquire("a call resent after its endpoint stopped", calls);
        assertThat(calls.permits).hasSize(1);
        assertThat(pacer.getWaiting()).isEqualTo(1);

        lease.release("endpoint", new IllegalStateException("stopped"));
        pacer.acquire("late", calls);

        assertThat(calls.permits).hasSize(1);
        assertThat(calls.abandoned).hasSize(2);
        assertThat(pacer.getWaiting()).isZero();
    }

    @Test
    void releasingAnOwnerTellsOnlyItsOwnWaitingCalls() {
        PacerRegistry.Lease mine = registry.lease(acme, 15);
        PacerRegistry.Lease theirs = registry.lease(acme, 15);
        Recorder calls = new Recorder();
        mine.pacer().acquire("mine", calls);
        mine.pacer().acquire("mine", calls);
        mine.pacer().acquire("theirs", calls);

        mine.release("mine", new IllegalStateException("stopped"));

        assertThat(calls.abandoned).hasSize(1);
        assertThat(theirs.pacer().getWaiting()).isEqualTo(1);
        theirs.release("theirs", new IllegalStateException("stopped"));
        assertThat(calls.abandoned).hasSize(2);
    }

    @Test
    void aCallThatGivesUpItsWaitIsNeitherCountedNorGranted() {
        PacerRegistry.Lease lease = registry.lease(acme, 1);
        AccountPacer pacer = lease.pacer();
        Recorder calls = new Recorder();
        pacer.acquire("endpoint", calls);
        PacerWait second = pacer.acquire("endpoint", calls);
        pacer.acquire("endpoint", calls);
        assertThat(pacer.getWaiting()).isEqualTo(2);

        second.cancel();
        second.cancel();

        assertThat(pacer.getWaiting()).isEqualTo(1);
        lease.release("endpoint", new IllegalStateException("stopped"));
        assertThat(calls.permits).hasSize(1);
        assertThat(calls.abandoned).as("only the one still waiting is told").hasSize(1);
    }

    @Test
    void writesGoAtOnceWhileTheWindowHasRoomAndARefusalWhenThePacerEnds() {
        PacerRegistry.Lease lease = registry.lease(acme, 2);
        AccountPacer pacer = lease.pacer();
        List<String> events = new ArrayList<>();

        pacer.awaitWrite(() -> events.add("first"), e -> events.add("refused first"));
        pacer.awaitWrite(() -> events.add("second"), e -> events.add("refused second"));
        PacerWait third = pacer.awaitWrite(() -> events.add("third"), e -> events.add("refused third"));
        pacer.awaitWrite(() -> events.add("fourth"), e -> events.add("refused fourth"));
        third.cancel();

        assertThat(events).containsExactly("first", "second");
        assertThat(pacer.getWritesHeldBack()).isEqualTo(2);
        lease.release("endpoint", null);
        assertThat(events).containsExactly("first", "second", "refused fourth");
        pacer.awaitWrite(() -> events.add("late"), e -> events.add("refused late"));
        assertThat(events).last().isEqualTo("refused late");
    }

    private static final class Recorder implements PermitCallback {
        final List<Long> permits = new ArrayList<>();
        final List<Exception> abandoned = new ArrayList<>();

        @Override
        public synchronized void onPermit(long permit) {
            permits.add(permit);
        }

        @Override
        public synchronized void onAbandoned(Exception cause) {
            abandoned.add(cause);
        }
    }
}
