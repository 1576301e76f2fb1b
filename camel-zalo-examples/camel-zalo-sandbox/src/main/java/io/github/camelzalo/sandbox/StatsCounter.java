package io.github.camelzalo.sandbox;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SandboxStats}. */
final class StatsCounter {

    final LongAdder caresoftRequests = new LongAdder();
    final LongAdder etelecomRequests = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder invalid = new LongAdder();
    final LongAdder unauthorized = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder lockouts = new LongAdder();
    final LongAdder lockedOut = new LongAdder();

    SandboxStats snapshot() {
        long cs = caresoftRequests.sum();
        long et = etelecomRequests.sum();
        return new SandboxStats(cs + et, cs, et, accepted.sum(), refused.sum(), invalid.sum(), unauthorized.sum(),
                rateLimited.sum(), lockouts.sum(), lockedOut.sum());
    }

    void reset() {
        for (LongAdder a : new LongAdder[] { caresoftRequests, etelecomRequests, accepted, refused, invalid,
                unauthorized, rateLimited, lockouts, lockedOut }) {
            a.reset();
        }
    }
}
