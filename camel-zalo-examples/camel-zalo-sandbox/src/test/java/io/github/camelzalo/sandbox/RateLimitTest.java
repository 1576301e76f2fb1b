package io.github.camelzalo.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CareSoft's 15 requests/s per tenant, the 429 answer, and the 15-minute lock-out after 20 consecutive 429s. */
class RateLimitTest extends SandboxFixture {

    @Test
    void theSixteenthRequestInASecondGets429AndTheNextSecondPassesAgain() {
        start(builder().rateLimitPerSecond(15));
        for (int i = 0; i < 15; i++) {
            assertThat(userStatus(NGHIA).status()).isEqualTo(200);
        }

        Answer a = userStatus(NGHIA);

        assertThat(a.status()).isEqualTo(429);
        assertThat(a.json().toString()).isEqualTo("{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}");
        assertThat(a.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(sendText(NGHIA, "x").status()).as("send-message shares the limit").isEqualTo(429);

        clock.advance(Duration.ofMillis(999));
        assertThat(userStatus(NGHIA).status()).isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        assertThat(userStatus(NGHIA).status()).isEqualTo(200);
        assertThat(sandbox.stats().rateLimited()).isEqualTo(3);
        assertThat(sandbox.stats().caresoftRequests()).isEqualTo(19);
    }

    /**
     * The window slides: it holds the second before each request, not a second that starts anew. A fixed window
     * opened by the first request would let the third request below through (a new second began at 1000 ms) and
     * the burst that follows; a provider counting any one second refuses them.
     */
    @Test
    void theWindowIsAnySecondNotASecondThatStartsAnew() {
        start(builder().rateLimitPerSecond(2).lockoutAfter(0));
        assertThat(userStatus(NGHIA).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(900));
        assertThat(userStatus(NGHIA).status()).isEqualTo(200);

        clock.advance(Duration.ofMillis(100));
        assertThat(userStatus(NGHIA).status()).as("at 1000 ms: the one at 0 left the window").isEqualTo(200);
        clock.advance(Duration.ofMillis(100));
        Answer refused = userStatus(NGHIA);

        assertThat(refused.status()).as("at 1100 ms: 900 and 1000 are within the second before").isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
        clock.advance(Duration.ofMillis(799));
        assertThat(userStatus(NGHIA).status()).as("at 1899 ms: 900 is still in the window").isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        assertThat(userStatus(NGHIA).status()).as("at 1900 ms").isEqualTo(200);
    }

    /** Requests exactly evenly spaced at the limit, as the component paces them, never get a 429. */
    @Test
    void anEvenlySpacedClientAtTheLimitIsNeverRefused() {
        start(builder().rateLimitPerSecond(15).lockoutAfter(0));
        for (int i = 0; i < 300; i++) {
            assertThat(userStatus(NGHIA).status()).as("request %d", i).isEqualTo(200);
            clock.advance(Duration.ofNanos(1_000_000_000L / 15 + 1));
        }
        assertThat(sandbox.stats().rateLimited()).isZero();
    }

    @Test
    void twentyConsecutive429sLockTheTenantOutFor15Minutes() {
        start(builder().rateLimitPerSecond(2).lockoutAfter(20).lockoutDuration(Duration.ofMinutes(15)));
        userStatus(NGHIA);
        userStatus(NGHIA);
        for (int i = 0; i < 20; i++) {
            assertThat(userStatus(NGHIA).status()).as("429 number " + (i + 1)).isEqualTo(429);
        }

        Answer locked = userStatus(NGHIA);

        assertThat(locked.status()).isEqualTo(404);
        assertThat(locked.text("code")).isEqualTo("errors");
        assertThat(locked.text("message")).isEqualTo("Domain incorrect too many times , retry after 15 minutes ");
        assertThat(sandbox.isLockedOut(TENANT)).isTrue();
        // a new second does not help: the lock-out holds for 15 minutes, for every path
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertThat(sendText(NGHIA, "x").status()).isEqualTo(404);

        clock.advance(Duration.ofMillis(1));

        assertThat(userStatus(NGHIA).status()).isEqualTo(200);
        assertThat(sandbox.isLockedOut(TENANT)).isFalse();
        SandboxStats s = sandbox.stats();
        assertThat(s.rateLimited()).isEqualTo(20);
        assertThat(s.lockouts()).isEqualTo(1);
        assertThat(s.lockedOut()).isEqualTo(2);
        assertThat(s.accepted()).isEqualTo(3);
    }

    @Test
    void anAcceptedRequestEndsTheRunOfConsecutive429s() {
        start(builder().rateLimitPerSecond(1).lockoutAfter(3));
        for (int second = 0; second < 5; second++) {
            assertThat(userStatus(NGHIA).status()).isEqualTo(200);
            assertThat(userStatus(NGHIA).status()).isEqualTo(429);
            assertThat(userStatus(NGHIA).status()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(sandbox.stats().lockouts()).isZero();
        assertThat(sandbox.stats().rateLimited()).isEqualTo(10);
    }

    @Test
    void eachTenantHasItsOwnLimitAndETelecomHasNone() {
        start(builder().caresoftTenant("globex", "globex-key").rateLimitPerSecond(1).lockoutAfter(0));
        assertThat(userStatus(NGHIA).status()).isEqualTo(200);
        assertThat(userStatus(NGHIA).status()).isEqualTo(429);

        Answer other = post("/globex/api/v1/zalo/user-status", "globex-key", "{\"phone_no\":\"" + NGHIA + "\"}");

        assertThat(other.status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(sendImage(NGHIA_ZALO, "https://cdn.example.vn/a.png").status()).isEqualTo(200);
        }
        for (int i = 0; i < 30; i++) {
            assertThat(userStatus(NGHIA).status()).as("lock-out turned off").isEqualTo(429);
        }
    }

    @Test
    void theLimitWorksInRealTimeOnTheSystemClock() throws InterruptedException {
        clock = SandboxClock.system();
        start(builder().rateLimitPerSecond(5));
        int passed = 0;
        for (int i = 0; i < 8; i++) {
            passed += userStatus(NGHIA).status() == 200 ? 1 : 0;
        }
        assertThat(passed).isBetween(5, 6); // a window may end during the loop on a slow machine
        Thread.sleep(1100);
        assertThat(userStatus(NGHIA).status()).isEqualTo(200);
    }

    @Test
    void resetRateLimitsEndsALockOut() {
        start(builder().rateLimitPerSecond(1).lockoutAfter(1));
        userStatus(NGHIA);
        userStatus(NGHIA);
        assertThat(userStatus(NGHIA).status()).isEqualTo(404);

        sandbox.resetRateLimits();

        assertThat(userStatus(NGHIA).status()).isEqualTo(200);
    }
}
