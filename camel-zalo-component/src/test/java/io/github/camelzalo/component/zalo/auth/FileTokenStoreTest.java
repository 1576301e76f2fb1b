package io.github.camelzalo.component.zalo.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTokenStoreTest {

    private static final String APP = "4318000000000000001";
    private static final String OA = "1600190000752846";
    private static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

    @TempDir
    Path dir;

    private static ZaloTokens pair(String n) {
        return new ZaloTokens("at-" + n, "rt-" + n, T0.plusSeconds(90000), T0.plus(Duration.ofDays(90)), T0,
                "seed-digest");
    }

    @Test
    void savesOneOwnerOnlyFilePerAppAndOaAndReadsItBack() throws Exception {
        Path tokens = dir.resolve("tokens");
        FileTokenStore store = new FileTokenStore(tokens);
        assertThat(store.load(APP, OA)).isNull();

        assertThat(store.save(APP, OA, pair("1"), 0)).isEqualTo(1);

        Path file = tokens.resolve(APP + "-" + OA + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rwx------");
        StoredTokens read = new FileTokenStore(tokens).load(APP, OA);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.tokens().getAccessToken()).isEqualTo("at-1");
        assertThat(read.tokens().getRefreshToken()).isEqualTo("rt-1");
        assertThat(read.tokens().getAccessTokenExpiresAt()).isEqualTo(T0.plusSeconds(90000));
        assertThat(read.tokens().getRefreshTokenExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(read.tokens().getSeedDigest()).isEqualTo("seed-digest");
        // no temporary file is left behind
        try (var files = Files.list(tokens)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void aSaveOnAVersionThatIsNoLongerCurrentWritesNothing() {
        FileTokenStore store = new FileTokenStore(dir);
        store.save(APP, OA, pair("1"), 0);
        store.save(APP, OA, pair("2"), 1);

        assertThatThrownBy(() -> store.save(APP, OA, pair("stale"), 1))
                .isInstanceOfSatisfying(TokenStoreConflictException.class, e -> {
                    assertThat(e.getExpectedVersion()).isEqualTo(1);
                    assertThat(e.getActualVersion()).isEqualTo(2);
                });
        assertThat(store.load(APP, OA).tokens().getAccessToken()).isEqualTo("at-2");
    }

    @Test
    void concurrentSavesOnOneVersionLetExactlyOneWinAcrossStoreInstances() throws Exception {
        new FileTokenStore(dir).save(APP, OA, pair("0"), 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String n = "w" + i;
                // a store each, as two JVMs on one host would have
                FileTokenStore store = new FileTokenStore(dir);
                results.add(pool.submit((Callable<Boolean>) () -> {
                    try {
                        store.save(APP, OA, pair(n), 1);
                        return true;
                    } catch (TokenStoreConflictException e) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(new FileTokenStore(dir).load(APP, OA).version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLeaseHasOneHolderUntilReleasedOrExpired() throws Exception {
        FileTokenStore a = new FileTokenStore(dir);
        FileTokenStore b = new FileTokenStore(dir);

        assertThat(a.tryLease(APP, OA, "jvm-a", Duration.ofSeconds(30))).isTrue();
        assertThat(b.tryLease(APP, OA, "jvm-b", Duration.ofSeconds(30))).isFalse();
        assertThat(b.leaseHolder(APP, OA)).isEqualTo("jvm-a");
        b.releaseLease(APP, OA, "jvm-b");
        assertThat(a.leaseHolder(APP, OA)).isEqualTo("jvm-a");
        a.releaseLease(APP, OA, "jvm-a");
        assertThat(b.tryLease(APP, OA, "jvm-b", Duration.ofMillis(100))).isTrue();

        Thread.sleep(200);
        assertThat(a.leaseHolder(APP, OA)).isNull();
        assertThat(a.tryLease(APP, OA, "jvm-a", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aBrokenFileFailsWithoutShowingItsContent() throws Exception {
        Files.writeString(dir.resolve(APP + "-" + OA + ".json"), "{\"access_token\":\"secret-at\"", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FileTokenStore(dir).load(APP, OA))
                .isInstanceOf(ZaloTokenStoreException.class)
                .hasMessageContaining("is not a valid token file")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("secret-at"));
    }

    @Test
    void idsThatCouldNameAnotherFileAreRefused() {
        FileTokenStore store = new FileTokenStore(dir);
        assertThatThrownBy(() -> store.load("../../etc", OA)).isInstanceOf(ZaloTokenStoreException.class);
        assertThatThrownBy(() -> store.save(APP, "1/2", pair("x"), 0)).isInstanceOf(ZaloTokenStoreException.class);
    }

    @Test
    void toStringShowsNoToken() {
        assertThat(pair("1").toString()).doesNotContain("at-1", "rt-1").contains("#");
        assertThat(new StoredTokens(pair("1"), 3).toString()).doesNotContain("at-1", "rt-1");
        assertThat(new AccessToken(OA, "at-1", T0).toString()).doesNotContain("at-1");
        assertThat(new TokenGrant("at-1", "rt-1", Duration.ofHours(25)).toString()).doesNotContain("at-1", "rt-1");
    }
}
