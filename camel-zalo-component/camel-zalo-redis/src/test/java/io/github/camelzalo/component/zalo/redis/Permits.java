package io.github.camelzalo.component.zalo.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.pacing.PermitCallback;

/** Records when each permit came (System.nanoTime), and what was refused. */
final class Permits implements PermitCallback {

    final List<Long> grantedAt = new ArrayList<>();
    final List<Long> permits = new ArrayList<>();
    final List<Exception> refused = new ArrayList<>();
    private final CountDownLatch done;

    Permits(int expected) {
        this.done = new CountDownLatch(expected);
    }

    @Override
    public synchronized void onPermit(long permit) {
        grantedAt.add(System.nanoTime());
        permits.add(permit);
        done.countDown();
    }

    @Override
    public synchronized void onAbandoned(Exception cause) {
        refused.add(cause);
        done.countDown();
    }

    boolean await(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    /** The most permits of {@code all} within any window of {@code windowNanos}. */
    static int busiestWindow(List<Long> all, long windowNanos) {
        List<Long> times = new ArrayList<>(all);
        times.sort(null);
        int most = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= windowNanos) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
