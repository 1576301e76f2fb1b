package io.github.camelzalo.testservers.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shared {@link IdempotentRepository} must do for a message delivered to several instances to be processed
 * once: {@code add} is true for exactly one of any number of concurrent callers, on any instance; a removed key (the
 * route failed) can be added again; keys expire; processors are kept apart.
 */
public abstract class IdempotentRepositoryContract {

    /** A repository of processor {@code processor}, empty, remembering keys for {@code expiryMillis}. */
    protected abstract IdempotentRepository repository(String processor, long expiryMillis);

    /** A second instance on the same data, as another JVM has. */
    protected abstract IdempotentRepository otherRepository(String processor, long expiryMillis);

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
}
