package io.github.camelzalo.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelzalo.sandbox.OutboxMessage;
import io.github.camelzalo.sandbox.SandboxStats;
import io.github.camelzalo.sandbox.ZaloSandbox;
import io.github.camelzalo.testservers.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three JVMs, one CareSoft account: each hands its route 1,000 messages at once against a sandbox that allows 100
 * a second for the account, all paced by the Redis limiter. With the shared limit at 100/s the sandbox never sees
 * more than 100 in any second, answers no 429, and the 3,000 take about 30 s. With the limit wrongly at 300/s the run
 * still completes without a lock-out, and the 429s absorbed are reported.
 */
class PacingMultiJvmIT {

    private static final String TENANT = "scale";
    private static final String KEY = "scale-caresoft-key";
    private static final int PER_JVM = 1000;

    private static RedisServer redis;

    @BeforeAll
    static void redis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void threeJvmsAtTheRightLimitNeverExceedItAndTakeThirtySeconds() throws Exception {
        Run run = run(100);

        Figures.record(String.format("pacing, 3 JVMs x %d messages, sandbox 100/s, shared limit 100/s: %.2f s"
                                     + " (%.1f%% over 30 s), busiest second %d, 429s %d, lock-outs %d, failed %d",
                PER_JVM, run.seconds, (run.seconds / 30 - 1) * 100, run.busiestSecond, run.stats.rateLimited(),
                run.stats.lockouts(), run.failed));
        assertThat(run.failed).isZero();
        assertThat(run.accepted).isEqualTo(3 * PER_JVM);
        assertThat(run.busiestSecond).isLessThanOrEqualTo(100);
        assertThat(run.stats.rateLimited()).isZero();
        assertThat(run.stats.lockouts()).isZero();
        assertThat(run.seconds).isBetween(30 * 0.95, 30 * 1.05);
    }

    @Test
    void threeJvmsAtThreeTimesTheLimitCompleteWithoutALockOut() throws Exception {
        Run run = run(300);

        Figures.record(String.format("pacing, 3 JVMs x %d messages, sandbox 100/s, shared limit wrongly 300/s:"
                                     + " %.2f s, 429s absorbed %d (%d slowdowns), lock-outs %d, failed %d,"
                                     + " busiest second %d, limit at the end %.1f/s",
                PER_JVM, run.seconds, run.stats.rateLimited(), run.slowdowns, run.stats.lockouts(), run.failed,
                run.busiestSecond, run.rateAtEnd));
        assertThat(run.failed).isZero();
        assertThat(run.accepted).isEqualTo(3 * PER_JVM);
        assertThat(run.stats.lockouts()).isZero();
        assertThat(run.stats.rateLimited()).as("429s absorbed").isLessThan(20 * 3);
        assertThat(run.resends).isEqualTo(run.stats.rateLimited());
    }

    private record Run(double seconds, int busiestSecond, SandboxStats stats, long failed, long accepted,
            long resends, long slowdowns, double rateAtEnd) {
    }

    private Run run(int sharedLimit) throws Exception {
        redis.command("FLUSHALL");
        try (ZaloSandbox sandbox = ZaloSandbox.builder().port(0).threads(16).caresoftTenant(TENANT, KEY).sampleData()
                .rateLimitPerSecond(100).lockoutAfter(20).build().start()) {
            List<Replica> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    replicas.add(Replica.start("pacing-" + sharedLimit + "-" + i, "pacing",
                            sandbox.caresoftBaseUrl(TENANT), KEY, sandbox.oaId(), redis.uri(),
                            String.valueOf(sharedLimit), String.valueOf(PER_JVM)));
                }
                for (Replica r : replicas) {
                    r.awaitReady(120);
                }
                // the warm-up calls leave the provider's window
                Thread.sleep(1500);
                sandbox.resetStats();
                long go = System.currentTimeMillis();
                for (Replica r : replicas) {
                    r.go();
                }
                long failed = 0;
                long resends = 0;
                long slowdowns = 0;
                long end = 0;
                double rateAtEnd = 0;
                for (Replica r : replicas) {
                    Map<String, Object> result = r.result(600);
                    assertThat(result.get("completed")).as(r.name + ": " + result).isEqualTo(true);
                    failed += Replica.number(result, "failed");
                    resends += Replica.number(result, "resends");
                    slowdowns += Replica.number(result, "slowdowns");
                    end = Math.max(end, Replica.number(result, "finishedAt"));
                    rateAtEnd = ((Number) result.get("rateAtEnd")).doubleValue();
                    if (Replica.number(result, "failed") > 0) {
                        System.out.println(r.name + ": " + result);
                    }
                }
                List<Long> times = new ArrayList<>();
                for (OutboxMessage m : sandbox.outbox().messages()) {
                    times.add(m.time().toEpochMilli());
                }
                return new Run((end - go) / 1000.0, busiest(times, 1000), sandbox.stats(), failed, times.size(),
                        resends, slowdowns, rateAtEnd);
            } finally {
                for (Replica r : replicas) {
                    r.close();
                }
            }
        }
    }

    /** The most messages within any {@code windowMillis} (a sliding window, as CareSoft's). */
    static int busiest(List<Long> times, long windowMillis) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        int most = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end) - sorted.get(start) >= windowMillis) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
