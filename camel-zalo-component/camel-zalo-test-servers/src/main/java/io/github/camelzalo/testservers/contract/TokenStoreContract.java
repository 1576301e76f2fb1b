package io.github.camelzalo.testservers.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.auth.StoredTokens;
import io.github.camelzalo.component.zalo.auth.TokenStoreConflictException;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every shared {@link ZaloTokenStore} must do, whatever keeps the data: versions that make a save conditional,
 * one winner among concurrent saves and leases (as from several JVMs: {@link #store()} and {@link #otherStore()} are
 * two instances, as two JVMs have), a lease that ends on its own, and nothing of a token outside the pair itself.
 */
public abstract class TokenStoreContract {

    protected static final String APP = "2771862381437218000";
    protected static final String OA = "1600190000752846";

    /** The store under test, empty. */
    protected abstract ZaloTokenStore store();

    /** A second instance on the same data, as another JVM has. */
    protected abstract ZaloTokenStore otherStore();

    protected static ZaloTokens pair(String suffix) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ZaloTokens("access-" + suffix, "refresh-" + suffix, now.plus(Duration.ofHours(25)),
                now.plus(Duration.ofDays(90)), now, "sha256-of-the-seed");
    }

    @Test
    void anEmptyStoreHasNoPairAndTheFirstSaveIsVersionOne() {
        assertThat(store().load(APP, OA)).isNull();
        ZaloTokens first = pair("1");

        assertThat(store().save(APP, OA, first, 0)).isEqualTo(1);

        StoredTokens stored = otherStore().load(APP, OA);
        assertThat(stored.version()).isEqualTo(1);
        ZaloTokens t = stored.tokens();
        assertThat(t.getAccessToken()).isEqualTo("access-1");
        assertThat(t.getRefreshToken()).isEqualTo("refresh-1");
        assertThat(t.getAccessTokenExpiresAt()).isEqualTo(first.getAccessTokenExpiresAt());
        assertThat(t.getRefreshTokenExpiresAt()).isEqualTo(first.getRefreshTokenExpiresAt());
        assertThat(t.getIssuedAt()).isEqualTo(first.getIssuedAt());
        assertThat(t.getSeedDigest()).isEqualTo("sha256-of-the-seed");
        assertThat(store().isShared()).isTrue();
    }

    @Test
    void aSeedWithoutAnAccessTokenIsKeptToo() {
        ZaloTokens seed = ZaloTokens.seed("refresh-seed", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store().save(APP, OA, seed, 0);

        ZaloTokens t = otherStore().load(APP, OA).tokens();
        assertThat(t.getAccessToken()).isNull();
        assertThat(t.getAccessTokenExpiresAt()).isNull();
        assertThat(t.getRefreshToken()).isEqualTo("refresh-seed");
    }

    @Test
    void aSaveOnAVersionThatIsNoLongerCurrentFailsAndWritesNothing() {
        store().save(APP, OA, pair("1"), 0);
        otherStore().save(APP, OA, pair("2"), 1);

        assertThatThrownBy(() -> store().save(APP, OA, pair("stale"), 1))
                .isInstanceOfSatisfying(TokenStoreConflictException.class, e -> {
                    assertThat(e.getExpectedVersion()).isEqualTo(1);
                    assertThat(e.getActualVersion()).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain("access-").doesNotContain("refresh-");
                });
        assertThatThrownBy(() -> store().save(APP, OA, pair("again"), 0))
                .isInstanceOf(TokenStoreConflictException.class);
        assertThat(store().load(APP, OA).tokens().getAccessToken()).isEqualTo("access-2");
        assertThat(store().load(APP, OA).version()).isEqualTo(2);
    }

    @Test
    void ofManyConcurrentSavesOnOneVersionExactlyOneWins() throws Exception {
        store().save(APP, OA, pair("1"), 0);
        List<Callable<Boolean>> saves = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ZaloTokenStore s = i % 2 == 0 ? store() : otherStore();
            String suffix = "racer-" + i;
            saves.add(() -> {
                try {
                    s.save(APP, OA, pair(suffix), 1);
                    return true;
                } catch (TokenStoreConflictException e) {
                    return false;
                }
            });
        }

        List<Boolean> results = runTogether(saves);

        assertThat(results.stream().filter(b -> b).count()).isEqualTo(1);
        assertThat(store().load(APP, OA).version()).isEqualTo(2);
    }

    @Test
    void appsAndOasAreKeptApart() {
        store().save(APP, OA, pair("1"), 0);
        store().save(APP, "4400000000000000002", pair("2"), 0);
        store().save("1111111111111111111", OA, pair("3"), 0);

        assertThat(store().load(APP, OA).tokens().getAccessToken()).isEqualTo("access-1");
        assertThat(store().load(APP, "4400000000000000002").tokens().getAccessToken()).isEqualTo("access-2");
        assertThat(store().load("1111111111111111111", OA).tokens().getAccessToken()).isEqualTo("access-3");
    }

    @Test
    void theLeaseHasOneHolderWhoRenewsAndReleasesIt() {
        Duration ttl = Duration.ofSeconds(30);
        assertThat(store().tryLease(APP, OA, "jvm-a", ttl)).isTrue();
        assertThat(otherStore().tryLease(APP, OA, "jvm-b", ttl)).isFalse();
        assertThat(store().tryLease(APP, OA, "jvm-a", ttl)).as("renewed by its holder").isTrue();
        assertThat(otherStore().leaseHolder(APP, OA)).isEqualTo("jvm-a");
        assertThat(store().tryLease(APP, "4400000000000000002", "jvm-b", ttl)).as("another OA's").isTrue();

        otherStore().releaseLease(APP, OA, "jvm-b");
        assertThat(store().leaseHolder(APP, OA)).as("only its holder releases it").isEqualTo("jvm-a");
        store().releaseLease(APP, OA, "jvm-a");

        assertThat(store().leaseHolder(APP, OA)).isNull();
        assertThat(otherStore().tryLease(APP, OA, "jvm-b", ttl)).isTrue();
    }

    @Test
    void aLeaseWhoseHolderDiedEndsByItself() throws Exception {
        assertThat(store().tryLease(APP, OA, "jvm-that-dies", Duration.ofMillis(1200))).isTrue();
        assertThat(otherStore().tryLease(APP, OA, "jvm-b", Duration.ofSeconds(30))).isFalse();

        Thread.sleep(1500);

        assertThat(otherStore().tryLease(APP, OA, "jvm-b", Duration.ofSeconds(30))).isTrue();
        assertThat(store().leaseHolder(APP, OA)).isEqualTo("jvm-b");
    }

    @Test
    void ofManyConcurrentLeasesExactlyOneIsGranted() throws Exception {
        List<Callable<Boolean>> leases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ZaloTokenStore s = i % 2 == 0 ? store() : otherStore();
            String owner = "jvm-" + i;
            leases.add(() -> s.tryLease(APP, OA, owner, Duration.ofSeconds(30)));
        }

        assertThat(runTogether(leases).stream().filter(b -> b).count()).isEqualTo(1);
    }

    @Test
    void toStringShowsNoToken() {
        store().save(APP, OA, pair("secret"), 0);
        assertThat(store().toString()).doesNotContain("access-secret").doesNotContain("refresh-secret");
    }

    /** Starts every task at once, from as many threads. */
    protected static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
