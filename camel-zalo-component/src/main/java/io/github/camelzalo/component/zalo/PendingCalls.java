package io.github.camelzalo.component.zalo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls a component holds, from the moment an exchange reaches a producer until its {@code done}: so that when
 * the component stops, every one of them ends before {@code doStop} returns.
 */
final class PendingCalls {

    /** A call the component holds. */
    interface Call {
        /** Ends the call now, not sent, if it is waiting for its turn under its account's rate limit. */
        void stopWaiting();
    }

    private final Set<Call> calls = ConcurrentHashMap.newKeySet();

    void add(Call call) {
        calls.add(call);
    }

    void remove(Call call) {
        calls.remove(call);
    }

    int size() {
        return calls.size();
    }

    /** Ends every call that is waiting for its turn. */
    void stopWaiting() {
        for (Call call : calls) {
            call.stopWaiting();
        }
    }

    /** Waits up to {@code millis} for every call to end; whether they all did. */
    boolean awaitNone(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!calls.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        return calls.isEmpty();
    }
}
