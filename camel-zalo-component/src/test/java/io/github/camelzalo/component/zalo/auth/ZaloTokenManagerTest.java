package io.github.camelzalo.component.zalo.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZaloTokenManagerTest {

    private static final String APP = "4318000000000000001";
    private static final String OA = "1600190000752846";
    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock(T0);
    private final FakeTokenServer zalo = new FakeTokenServer();

    @AfterEach
    void stop() {
        io.shutdownNow();
        timer.shutdownNow();
    }

    private ZaloTokenManager manager(ZaloTokenStore store, String seed) {
        return ZaloTokenManager.builder().appId(APP).store(store).endpoint(zalo).io(io).timer(timer).clock(clock)
                .seed(OA, seed).build();
    }

    private static AccessToken await(CompletableFuture<AccessToken> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static TokenUnavailableException failure(CompletableFuture<AccessToken> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TokenUnavailableException.class);
            return (TokenUnavailableException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void twoHundredCallersMeetingAnExpiredTokenCauseOneRefresh() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        String rt = zalo.issueRefreshToken();
        store.save(APP, OA, new ZaloTokens("zalo-token-access-0old", rt, T0.plusSeconds(60), null, T0.minus(Duration.ofHours(25)),
                null), 0);
        ZaloTokenManager m = manager(store, null);
        clock.advance(Duration.ofMinutes(5));
        CompletableFuture<Void> release = zalo.hold();
        List<CompletableFuture<AccessToken>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(m.accessToken(OA));
        }
        assertThat(calls).noneMatch(CompletableFuture::isDone);
        release.complete(null);
        Set<String> tokens = new java.util.HashSet<>();
        for (CompletableFuture<AccessToken> c : calls) {
            tokens.add(await(c).value());
        }
        assertThat(zalo.refreshCalls()).containsExactly(rt);
        assertThat(tokens).hasSize(1).doesNotContain("zalo-token-access-0old");
        assertThat(store.load(APP, OA).tokens().getAccessToken()).isEqualTo(tokens.iterator().next());
        assertThat(store.load(APP, OA).version()).isEqualTo(2);
    }

    @Test
    void theNewPairIsSavedBeforeAnyCallerGetsItsToken() throws Exception {
        FileTokenStore store = new FileTokenStore(java.nio.file.Files.createTempDirectory("zalo-tokens"));
        ZaloTokenManager m = manager(store, zalo.issueRefreshToken());
        AtomicReference<String> onDiskWhenHandedOut = new AtomicReference<>();
        AccessToken token = await(m.accessToken(OA).thenApply(t -> {
            onDiskWhenHandedOut.set(store.load(APP, OA).tokens().getAccessToken());
            return t;
        }));
        assertThat(onDiskWhenHandedOut.get()).isEqualTo(token.value());
        assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
    }

    @Test
    void aStoredPairThatDescendsFromTheConfiguredTokenWinsAfterARestart() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        String seed = zalo.issueRefreshToken();
        AccessToken first = await(manager(store, seed).accessToken(OA));
        assertThat(zalo.refreshCalls()).containsExactly(seed);

        // restart with yesterday's configuration: the seed was spent, the stored pair is newer
        clock.advance(Duration.ofHours(1));
        AccessToken afterRestart = await(manager(store, seed).accessToken(OA));

        assertThat(afterRestart.value()).isEqualTo(first.value());
        assertThat(zalo.refreshCalls()).containsExactly(seed);
    }

    @Test
    void aConfiguredTokenTheStoreNeverSawIsANewConsentAndReplacesTheStoredPair() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        await(manager(store, zalo.issueRefreshToken()).accessToken(OA));
        String reconsented = zalo.issueRefreshToken();

        AccessToken token = await(manager(store, reconsented).accessToken(OA));

        assertThat(zalo.refreshCalls()).hasSize(2).endsWith(reconsented);
        assertThat(store.load(APP, OA).tokens().getAccessToken()).isEqualTo(token.value());
        assertThat(store.load(APP, OA).tokens().getSeedDigest()).isEqualTo(TokenDigests.sha256(reconsented));
    }

    @Test
    void aDeadConfiguredTokenFallsBackToTheStoredPair() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        AccessToken stored = await(manager(store, zalo.issueRefreshToken()).accessToken(OA));

        AccessToken token = await(manager(store, "zalo-token-refresh-01d0").accessToken(OA));

        assertThat(token.value()).isEqualTo(stored.value());
    }

    @Test
    void aDeadRefreshTokenNeedsReauthorizationAndIsNotSpentAgain() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save(APP, OA, new ZaloTokens("zalo-token-access-0old", "zalo-token-refresh-dead", T0.minusSeconds(1), null, T0.minus(Duration.ofDays(1)),
                null), 0);
        ZaloTokenManager m = manager(store, null);

        TokenUnavailableException e = failure(m.accessToken(OA));
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED);
        assertThat(e.getErrorCode()).isEqualTo("-14014");
        assertThat(e.getMessage()).contains("OA " + OA, "authorize", "consent").doesNotContain("zalo-token-refresh-dead");
        assertThat(m.status(OA).reauthorizationNeeded()).isTrue();

        // answered from memory, then from the store: the dead token is never sent again
        assertThat(failure(m.accessToken(OA)).getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(failure(m.accessToken(OA)).getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED);
        assertThat(zalo.refreshCalls()).containsExactly("zalo-token-refresh-dead");

        // an admin consents: the consent command saves a new pair in the store
        StoredTokens dead = store.load(APP, OA);
        store.save(APP, OA, new ZaloTokens("zalo-token-access-c0c0", zalo.issueRefreshToken(), clock.instant().plusSeconds(90000),
                null, clock.instant(), null), dead.version());
        clock.advance(Duration.ofSeconds(10));
        assertThat(await(m.accessToken(OA)).value()).isEqualTo("zalo-token-access-c0c0");
        assertThat(m.status(OA).reauthorizationNeeded()).isFalse();
    }

    @Test
    void noTokensAtAllNeedsReauthorization() {
        TokenUnavailableException e = failure(manager(new InMemoryTokenStore(), null).accessToken(OA));
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED);
        assertThat(e.getMessage()).contains("holds no tokens for OA " + OA);
        assertThat(zalo.refreshCalls()).isEmpty();
    }

    @Test
    void aRefusedTokenIsRefreshedOnceForAllWhoSawItRefused() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        ZaloTokenManager m = manager(store, zalo.issueRefreshToken());
        AccessToken first = await(m.accessToken(OA));
        CompletableFuture<Void> release = zalo.hold();
        List<CompletableFuture<AccessToken>> again = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            again.add(m.rejected(first));
        }
        release.complete(null);
        Set<String> next = again.stream().map(f -> {
            try {
                return await(f).value();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toSet());
        assertThat(next).hasSize(1).doesNotContain(first.value());
        assertThat(zalo.refreshCalls()).hasSize(2);

        // a late refusal of the old token gets the new one, without another refresh
        assertThat(await(m.rejected(first)).value()).isEqualTo(next.iterator().next());
        assertThat(await(m.accessToken(OA)).value()).isEqualTo(next.iterator().next());
        assertThat(zalo.refreshCalls()).hasSize(2);
    }

    @Test
    void aPairTheStoreCannotSaveIsNeverUsedUntilSaved() throws Exception {
        FlakyStore store = new FlakyStore();
        ZaloTokenManager m = manager(store, zalo.issueRefreshToken());
        store.failSaves = true;

        TokenUnavailableException e = failure(m.accessToken(OA));
        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.TOKEN_STORE_FAILED);
        assertThat(e.getMessage()).contains("could not save", "held in memory").doesNotContain("zalo-token-");
        assertThat(m.status(OA).unsavedPair()).isTrue();
        assertThat(store.load(APP, OA)).isNull();

        store.failSaves = false;
        AccessToken token = await(m.accessToken(OA));
        assertThat(store.load(APP, OA).tokens().getAccessToken()).isEqualTo(token.value());
        // the pending pair was saved, not a second refresh made (that would have spent its refresh token)
        assertThat(zalo.refreshCalls()).hasSize(1);
        assertThat(m.status(OA).unsavedPair()).isFalse();
    }

    @Test
    void aTokenNearItsEndIsReplacedAheadWhileCallsGoOnWithIt() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        ZaloTokenManager m = manager(store, zalo.issueRefreshToken());
        AccessToken first = await(m.accessToken(OA));
        clock.advance(Duration.ofHours(25).minusMinutes(5));
        CompletableFuture<Void> release = zalo.hold();

        // due ahead: handed out at once, and one refresh starts behind it
        assertThat(await(m.accessToken(OA)).value()).isEqualTo(first.value());
        assertThat(await(m.accessToken(OA)).value()).isEqualTo(first.value());
        release.complete(null);
        waitUntil(() -> m.status(OA).refreshes() == 2);
        assertThat(await(m.accessToken(OA)).value()).isNotEqualTo(first.value());
        assertThat(zalo.refreshCalls()).hasSize(2);
    }

    @Test
    void theTokenInHandIsReadyWithoutAFutureUntilItIsDueOrRefused() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        ZaloTokenManager m = manager(store, zalo.issueRefreshToken());
        assertThat(m.readyToken(OA)).as("nothing in hand yet").isNull();
        AccessToken first = await(m.accessToken(OA));
        assertThat(m.readyToken(OA)).isSameAs(m.readyToken(OA)).extracting(AccessToken::value).isEqualTo(first.value());

        // refreshed ahead 10 minutes before the 25 h run out: ready up to the last millisecond before that
        clock.advance(Duration.ofHours(25).minusMinutes(10).minusMillis(1));
        assertThat(m.readyToken(OA)).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(m.readyToken(OA)).as("due ahead").isNull();
        AccessToken second = await(m.refreshNow(OA));
        assertThat(m.readyToken(OA).value()).isEqualTo(second.value()).isNotEqualTo(first.value());

        // Zalo refused it: no longer ready, whoever asks, until the refresh that replaces it is saved
        CompletableFuture<Void> release = zalo.hold();
        CompletableFuture<AccessToken> replaced = m.rejected(second);
        assertThat(m.readyToken(OA)).isNull();
        release.complete(null);
        String third = await(replaced).value();
        assertThat(m.readyToken(OA).value()).isEqualTo(third).isNotEqualTo(second.value());
    }

    @Test
    void aTokenFromASharedStoreIsReadyOnlyUntilTheStoreIsDueToBeReadAgain() throws Exception {
        InMemoryLeasingStore store = new InMemoryLeasingStore();
        ZaloTokenManager m = ZaloTokenManager.builder().appId(APP).store(store).endpoint(zalo).io(io).timer(timer)
                .clock(clock).seed(OA, zalo.issueRefreshToken()).cacheTime(Duration.ofSeconds(60)).build();
        await(m.accessToken(OA));
        clock.advance(Duration.ofSeconds(60).minusMillis(1));
        assertThat(m.readyToken(OA)).isNotNull();
        clock.advance(Duration.ofMillis(1));
        // another instance may have refreshed since: the store is read again first
        assertThat(m.readyToken(OA)).isNull();
        // the token in hand still goes out at once, while the store is read behind it
        assertThat(await(m.accessToken(OA))).isNotNull();
        waitUntil(() -> m.readyToken(OA) != null);
        assertThat(zalo.refreshCalls()).hasSize(1);
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseItsNewPairIsAdoptedWithoutARefresh() throws Exception {
        InMemoryLeasingStore store = new InMemoryLeasingStore();
        String rt = zalo.issueRefreshToken();
        store.save(APP, OA, new ZaloTokens("zalo-token-access-0old", rt, T0.minusSeconds(1), null, T0.minus(Duration.ofDays(1)),
                null), 0);
        assertThat(store.tryLease(APP, OA, "other-jvm", Duration.ofSeconds(30))).isTrue();
        ZaloTokenManager m = manager(store, null);

        CompletableFuture<AccessToken> waiting = m.accessToken(OA);
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        // the other instance refreshes and saves
        store.save(APP, OA, new ZaloTokens("zalo-token-access-7e1e", "zalo-token-refresh-7e1e", clock.instant().plusSeconds(90000), null,
                clock.instant(), null), 1);
        store.releaseLease(APP, OA, "other-jvm");

        assertThat(await(waiting).value()).isEqualTo("zalo-token-access-7e1e");
        assertThat(zalo.refreshCalls()).isEmpty();
    }

    @Test
    void aLeaseWhoseHolderDiedHoldsTheOthersUpOnlyUntilItExpires() throws Exception {
        InMemoryLeasingStore store = new InMemoryLeasingStore();
        String rt = zalo.issueRefreshToken();
        store.save(APP, OA, new ZaloTokens("zalo-token-access-0old", rt, T0.minusSeconds(1), null, T0.minus(Duration.ofDays(1)),
                null), 0);
        store.tryLease(APP, OA, "killed-jvm", Duration.ofMillis(500));
        ZaloTokenManager m = manager(store, null);

        long started = System.nanoTime();
        AccessToken token = await(m.accessToken(OA));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(token.value()).isNotEqualTo("zalo-token-access-0old");
        assertThat(zalo.refreshCalls()).containsExactly(rt);
        assertThat(waitedMillis).isBetween(300L, 5_000L);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** A store whose saves fail on demand, as a full disk or a database outage does. */
    private static final class FlakyStore extends InMemoryTokenStore {
        volatile boolean failSaves;

        @Override
        public synchronized long save(String appId, String oaId, ZaloTokens tokens, long expectedVersion) {
            if (failSaves) {
                throw new ZaloTokenStoreException("disk full", null);
            }
            return super.save(appId, oaId, tokens, expectedVersion);
        }
    }

    /** A store with a real lease in memory, as a shared store has (wall-clock expiry). */
    private static final class InMemoryLeasingStore extends InMemoryTokenStore {
        private String holder;
        private long until;

        @Override
        public synchronized boolean tryLease(String appId, String oaId, String owner, Duration ttl) {
            long now = System.currentTimeMillis();
            if (holder != null && !holder.equals(owner) && until > now) {
                return false;
            }
            holder = owner;
            until = now + ttl.toMillis();
            return true;
        }

        @Override
        public synchronized void releaseLease(String appId, String oaId, String owner) {
            if (owner.equals(holder)) {
                holder = null;
            }
        }

        @Override
        public synchronized String leaseHolder(String appId, String oaId) {
            return holder != null && until > System.currentTimeMillis() ? holder : null;
        }

        @Override
        public boolean isShared() {
            return true;
        }
    }
}
