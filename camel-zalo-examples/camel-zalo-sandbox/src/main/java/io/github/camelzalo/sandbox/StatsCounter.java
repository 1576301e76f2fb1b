package io.github.camelzalo.sandbox;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SandboxStats}. */
final class StatsCounter {

    final LongAdder caresoftRequests = new LongAdder();
    final LongAdder etelecomRequests = new LongAdder();
    final LongAdder zaloRequests = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder invalid = new LongAdder();
    final LongAdder unauthorized = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder lockouts = new LongAdder();
    final LongAdder lockedOut = new LongAdder();
    final LongAdder zaloRateLimited = new LongAdder();

    SandboxStats snapshot() {
        long cs = caresoftRequests.sum();
        long et = etelecomRequests.sum();
        long z = zaloRequests.sum();
        return new SandboxStats(cs + et + z, cs, et, z, accepted.sum(), refused.sum(), invalid.sum(),
                unauthorized.sum(), rateLimited.sum(), lockouts.sum(), lockedOut.sum(), zaloRateLimited.sum());
    }

    void reset() {
        for (LongAdder a : new LongAdder[] { caresoftRequests, etelecomRequests, zaloRequests, accepted, refused,
                invalid, unauthorized, rateLimited, lockouts, lockedOut, zaloRateLimited }) {
            a.reset();
        }
    }
}
