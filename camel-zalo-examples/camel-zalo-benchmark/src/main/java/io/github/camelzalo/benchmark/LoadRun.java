package io.github.camelzalo.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * One measured run of one case: {@code callers} threads each send their share of {@code requests} through
 * {@code direct:call} and wait for each answer, as a route fed by a synchronous consumer would. Every caller warms
 * up first; the meters are read only between the two barriers, while all callers (and so their allocation
 * counters) are still alive.
 */
final class LoadRun {

    private static final String PHONE = "0981234980";

    record Result(OverheadCase c, int callers, long requests, double seconds, double cpuMicrosPerRequest,
            int threads, double bytesPerRequest, long errors) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private LoadRun() {
    }

    static Result run(OverheadCase c, String stubBaseUrl, int callers, int requests, int warmup) throws Exception {
        System.gc();
        int threadsBefore = ProcessMeter.liveThreads();
        CamelContext context = c.start(stubBaseUrl);
        try {
            ProducerTemplate template = context.createProducerTemplate();
            int perCaller = requests / callers;
            int warmupPerCaller = Math.max(1, warmup / callers);
            CyclicBarrier start = new CyclicBarrier(callers + 1);
            CyclicBarrier end = new CyclicBarrier(callers + 1);
            CountDownLatch exit = new CountDownLatch(1);
            AtomicLong errors = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Thread t = new Thread(() -> {
                    try {
                        call(c, template, warmupPerCaller, new AtomicLong());
                        start.await();
                        call(c, template, perCaller, errors);
                        end.await();
                        exit.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "caller-" + i);
                t.start();
                threads.add(t);
            }
            start.await(10, TimeUnit.MINUTES);
            ProcessMeter before = ProcessMeter.read();
            int maxThreads = ProcessMeter.liveThreads();
            while (end.getNumberWaiting() < callers) {
                maxThreads = Math.max(maxThreads, ProcessMeter.liveThreads());
                Thread.sleep(20);
            }
            end.await(10, TimeUnit.MINUTES);
            ProcessMeter after = ProcessMeter.read();
            if (Boolean.getBoolean("benchmark.showThreads")) {
                System.out.println("  threads of " + c.label() + ": " + Thread.getAllStackTraces().keySet().stream()
                        .map(Thread::getName).filter(name -> !name.startsWith("caller-")).sorted().toList());
            }
            exit.countDown();
            for (Thread t : threads) {
                t.join();
            }
            long sent = (long) perCaller * callers;
            return new Result(c, callers, sent, (after.wallNanos() - before.wallNanos()) / 1e9,
                    (after.cpuNanos() - before.cpuNanos()) / 1e3 / sent, maxThreads - threadsBefore,
                    (double) (after.allocatedBytes() - before.allocatedBytes()) / sent, errors.get());
        } finally {
            OverheadCase.stop(context);
        }
    }

    private static void call(OverheadCase c, ProducerTemplate template, int count, AtomicLong errors) {
        for (int i = 0; i < count; i++) {
            Exchange out = template.request("direct:call", e -> e.getMessage().setBody(PHONE));
            if (out.getException() != null || !c.isExpected(out.getMessage().getBody())) {
                if (errors.incrementAndGet() <= 3) {
                    System.out.println("  error in " + c.label() + ": "
                                       + (out.getException() != null ? out.getException()
                                               : "unexpected body " + out.getMessage().getBody()));
                }
            }
        }
    }
}
