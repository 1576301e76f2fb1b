package io.github.camelzalo.testservers.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.camelzalo.component.zalo.events.LeasedIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shared {@link IdempotentRepository} must do for a message delivered to several instances to be processed
 * once: {@code add} is true for exactly one of any number of concurrent callers, on any instance; a removed key (the
 * route failed) can be added again; keys expire; processors are kept apart. And its in-flight lease: a key added is
 * a lease that ends on its own unless confirmed (its instance died mid-route), a confirmed key is kept for the
 * expiry, and a stale lease is taken over by exactly one of many instances at once.
 */
public abstract class IdempotentRepositoryContract {

    /** A repository of processor {@code processor}, empty, remembering keys for {@code expiryMillis}. */
    protected abstract IdempotentRepository repository(String processor, long expiryMillis);

    /** A second instance on the same data, as another JVM has. */
    protected abstract IdempotentRepository otherRepository(String processor, long expiryMillis);

    /** A repository of processor {@code events} with every default (a lease of 5 minutes, an expiry of 24 hours). */
    protected abstract LeasedIdempotentRepository withDefaults();

    /**
     * A repository of processor {@code events} that keeps a processed key for 60 s and the key of a route in flight
     * for {@code leaseMillis}; on the second instance when {@code other}.
     */
    protected abstract LeasedIdempotentRepository leased(long leaseMillis, boolean other);

    /** What the store holds for a key of processor {@code events}: {@code leased}, {@code done}, or {@code null}. */
    protected abstract String storedState(String key) throws Exception;

    /** How long the store still keeps a key of processor {@code events}, ms. */
    protected abstract long storedMillisLeft(String key) throws Exception;

    @Test
    void aKeyIsNewOnceUntilItIsRemoved() {
        IdempotentRepository repo = repository("events", 60_000);
        IdempotentRepository other = otherRepository("events", 60_000);

        assertThat(repo.contains("evt-1")).isFalse();
        assertThat(repo.add("evt-1")).isTrue();
        assertThat(other.add("evt-1")).as("on another instance").isFalse();
        assertThat(other.contains("evt-1")).isTrue();
        assertThat(repo.confirm("evt-1")).isTrue();

        assertThat(other.remove("evt-1")).isTrue();
        assertThat(repo.contains("evt-1")).isFalse();
        assertThat(repo.remove("evt-1")).isFalse();
        assertThat(repo.add("evt-1")).as("a key removed after a failure is new again").isTrue();
    }

    @Test
    void ofManyConcurrentAddsOfOneKeyOnTwoInstancesExactlyOneIsNew() throws Exception {
        IdempotentRepository repo = repository("events", 60_000);
        IdempotentRepository other = otherRepository("events", 60_000);
        for (int round = 0; round < 20; round++) {
            String key = "evt-race-" + round;
            List<Callable<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                IdempotentRepository r = i % 2 == 0 ? repo : other;
                adds.add(() -> r.add(key));
            }
            assertThat(TokenStoreContract.runTogether(adds).stream().filter(b -> b).count()).as(key).isEqualTo(1);
        }
    }

    @Test
    void aKeyIsForgottenAfterItsExpiry() throws Exception {
        IdempotentRepository repo = repository("events", 1000);
        assertThat(repo.add("evt-old")).isTrue();
        assertThat(repo.add("evt-old")).isFalse();

        Thread.sleep(1300);

        assertThat(repo.contains("evt-old")).isFalse();
        assertThat(otherRepository("events", 1000).add("evt-old")).isTrue();
        assertThat(repo.add("evt-old")).isFalse();
    }

    @Test
    void processorsAreKeptApartAndClearForgetsOnlyItsOwn() {
        IdempotentRepository events = repository("events", 60_000);
        IdempotentRepository orders = otherRepository("orders", 60_000);
        assertThat(events.add("k")).isTrue();
        assertThat(orders.add("k")).isTrue();
        events.add("k2");

        events.clear();

        assertThat(events.contains("k")).isFalse();
        assertThat(events.contains("k2")).isFalse();
        assertThat(orders.contains("k")).isTrue();
    }

    @Test
    void keysOfAnyShapeAreKept() {
        IdempotentRepository repo = repository("events", 60_000);
        String odd = "oa:1600190000752846/user_send_text/8941234567*?[x]\\ 'quoted' \"tiếng việt\" 🙂";
        String longKey = "k".repeat(500);
        assertThat(repo.add(odd)).isTrue();
        assertThat(repo.add(odd)).isFalse();
        assertThat(repo.add(longKey)).isTrue();
        assertThat(repo.contains(longKey)).isTrue();
        assertThat(repo.contains(odd.substring(0, 20))).isFalse();
    }

    @Test
    void aKeyIsLeasedThenDoneWithItsExpiry() throws Exception {
        LeasedIdempotentRepository repo = withDefaults();
        assertThat(repo.add("evt-1")).isTrue();

        assertThat(storedState("evt-1")).isEqualTo("leased");
        assertThat(storedMillisLeft("evt-1")).isBetween(295_000L, 300_000L);
        assertThat(repo.isConfirmed("evt-1")).isFalse();

        assertThat(repo.confirm("evt-1")).isTrue();

        assertThat(storedState("evt-1")).isEqualTo("done");
        assertThat(storedMillisLeft("evt-1")).isBetween(24 * 3_600_000L - 5_000, 24 * 3_600_000L);
        assertThat(repo.isConfirmed("evt-1")).isTrue();
    }

    @Test
    void theLeaseOfAKeyNeverConfirmedEndsOnItsOwnAndAnotherInstanceTakesIt() throws Exception {
        LeasedIdempotentRepository dead = leased(400, false);
        LeasedIdempotentRepository other = leased(400, true);
        assertThat(dead.add("evt-stall")).isTrue();
        assertThat(other.add("evt-stall")).as("in flight").isFalse();
        assertThat(other.isConfirmed("evt-stall")).isFalse();
        assertThat(other.contains("evt-stall")).isTrue();

        Thread.sleep(600);

        assertThat(other.contains("evt-stall")).isFalse();
        assertThat(other.add("evt-stall")).as("the lease of an instance that died ended").isTrue();
        assertThat(dead.add("evt-stall")).isFalse();
        assertThat(storedState("evt-stall")).isEqualTo("leased");
    }

    @Test
    void aConfirmedKeyOutlivesTheLeaseAndIsADuplicate() throws Exception {
        LeasedIdempotentRepository repo = leased(400, false);
        LeasedIdempotentRepository other = leased(400, true);
        assertThat(repo.add("evt-ok")).isTrue();
        assertThat(repo.confirm("evt-ok")).isTrue();

        Thread.sleep(600);

        assertThat(other.add("evt-ok")).isFalse();
        assertThat(other.isConfirmed("evt-ok")).isTrue();
        assertThat(storedMillisLeft("evt-ok")).isGreaterThan(55_000L);
    }

    @Test
    void aStaleLeaseIsTakenOverByExactlyOneOfManyConcurrentAdders() throws Exception {
        List<LeasedIdempotentRepository> instances = List.of(leased(300, false), leased(300, true),
                leased(300, true));
        for (int round = 0; round < 10; round++) {
            String key = "evt-takeover-" + round;
            assertThat(instances.get(0).add(key)).isTrue();
            Thread.sleep(450);
            List<Callable<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                LeasedIdempotentRepository r = instances.get(i % 3);
                adds.add(() -> r.add(key));
            }
            assertThat(TokenStoreContract.runTogether(adds).stream().filter(b -> b).count()).as(key).isEqualTo(1);
        }
    }
}
