package io.github.camelzalo.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark of docs/benchmark.md. Options (all optional):
 * <pre>
 *   --cases component,zalo,camel-http,zalo-camel-http,floor,zalo-floor   which overhead cases, in this order
 *                                        within each round
 *   --callers 16,64                      concurrent callers
 *   --reps 3                             rounds; each runs every case at every caller count, alternating
 *   --requests 100000                    measured requests per run
 *   --warmup 20000                       unmeasured requests per run, after the context starts
 *   --stub-threads 1                     I/O threads of the stub server process
 *   --zalo ioThreads=2,workerPoolSize=1  further options of the zalo component (all cases but it unchanged)
 *   --pacing-calls 3000                  calls of each pacing run
 *   --events-requests 20000              POSTs of each events throughput run (64 senders)
 *   --shared-requests 30000              measured requests of each shared-state pacing run
 *   --no-overhead, --no-pacing, --no-events, --no-shared   skip a part
 * </pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        List<OverheadCase> cases = Arrays.stream(options.getOrDefault("cases",
                "component,zalo,camel-http,zalo-camel-http,floor,zalo-floor").split(","))
                .map(String::strip).map(OverheadCase::byLabel).toList();
        int[] callers = Arrays.stream(options.getOrDefault("callers", "16,64").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "100000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20000"));
        int stubThreads = Integer.parseInt(options.getOrDefault("stub-threads", "1"));
        for (String option : options.getOrDefault("zalo", "").split(",")) {
            if (!option.isBlank()) {
                String[] nameValue = option.split("=", 2);
                OverheadCase.componentOptions.put(nameValue[0].strip(), nameValue[1].strip());
            }
        }

        System.out.printf(Locale.ROOT, "camel-zalo benchmark: %d processors, Java %s, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ProcessMeter.loadAverage());
        if (!OverheadCase.componentOptions.isEmpty()) {
            System.out.println("zalo component options: " + OverheadCase.componentOptions);
        }
        if (!options.containsKey("no-overhead")) {
            overhead(cases, callers, reps, requests, warmup, stubThreads);
        }
        if (!options.containsKey("no-pacing")) {
            pacing(Integer.parseInt(options.getOrDefault("pacing-calls", "3000")));
        }
        if (!options.containsKey("no-events")) {
            events(Integer.parseInt(options.getOrDefault("events-requests", "20000")), reps);
        }
        if (!options.containsKey("no-shared")) {
            Process stub = startStub(stubThreads);
            try {
                SharedStateRun.run("http://127.0.0.1:" + readPort(stub),
                        Integer.parseInt(options.getOrDefault("shared-requests", "30000")));
            } finally {
                stub.destroy();
            }
        }
        System.out.printf(Locale.ROOT, "load average %.2f at the end%n", ProcessMeter.loadAverage());
    }

    private static void overhead(List<OverheadCase> cases, int[] callers, int reps, int requests, int warmup,
                                 int stubThreads) throws Exception {
        Process stub = startStub(stubThreads);
        try {
            String base = "http://127.0.0.1:" + readPort(stub);
            System.out.printf("%nOverhead: userStatus against a stub server on %s (a process of its own, %d I/O"
                              + " thread%s)%n", base, stubThreads, stubThreads == 1 ? "" : "s");
            System.out.println("warming up every case once (not reported)");
            for (OverheadCase c : cases) {
                LoadRun.run(c, base, callers[0], Math.max(requests / 2, 1000), warmup);
            }
            System.out.printf("%-4s %-8s %-15s %10s %12s %8s %12s %7s%n", "rep", "callers", "case", "req/s",
                    "cpu us/req", "threads", "alloc B/req", "errors");
            List<LoadRun.Result> results = new ArrayList<>();
            for (int rep = 1; rep <= reps; rep++) {
                for (int n : callers) {
                    for (OverheadCase c : cases) {
                        LoadRun.Result r = LoadRun.run(c, base, n, requests, warmup);
                        results.add(r);
                        System.out.printf(Locale.ROOT, "%-4d %-8d %-15s %10.0f %12.1f %8d %12.0f %7d%n", rep, n,
                                c.label(), r.requestsPerSecond(), r.cpuMicrosPerRequest(), r.threads(),
                                r.bytesPerRequest(), r.errors());
                    }
                }
            }
            summarize(results, cases, callers);
        } finally {
            stub.destroy();
        }
    }

    /**
     * The sandbox enforces CareSoft's limit at 300/s (15/s in production, 20x for a run of seconds) and its lock-out
     * after 20 consecutive 429s. The component is set once to the right limit, once to a wrong one.
     */
    private static void pacing(int calls) throws Exception {
        int sandboxLimit = 300;
        int lockoutAfter = 20;
        System.out.printf(Locale.ROOT, "%nPacing: %,d zalo:send handed to the route at once, against the sandbox"
                                       + " (CareSoft rate limit %d/s, lock-out after %d consecutive 429s)%n",
                calls, sandboxLimit, lockoutAfter);
        System.out.printf("%-16s %9s %9s %8s %10s %9s %8s %6s %13s %s%n", "component limit", "elapsed", "vs ideal",
                "failed", "429s seen", "absorbed", "lockouts", "slow", "rate at end", "component threads");
        double ideal = (double) calls / sandboxLimit;
        // a first, unreported second of sends loads and compiles the code, as the overhead part's warm-up does
        PacingRun.run(sandboxLimit, lockoutAfter, sandboxLimit, sandboxLimit);
        for (int limit : new int[] { sandboxLimit, 1000 }) {
            PacingRun.Result r = PacingRun.run(sandboxLimit, lockoutAfter, limit, calls);
            System.out.printf(Locale.ROOT, "%-16s %8.2fs %+8.1f%% %8d %10d %9d %8d %6d %11.0f/s %d%n", limit + "/s",
                    r.seconds(), (r.seconds() / ideal - 1) * 100, r.failed(), r.sandbox().rateLimited(),
                    r.resends(), r.sandbox().lockouts(), r.slowdowns(), r.rateAtEnd(), r.threadsAdded());
            if (limit == sandboxLimit) {
                boolean pass = Math.abs(r.seconds() / ideal - 1) <= 0.03 && r.sandbox().rateLimited() == 0
                               && r.failed() == 0;
                System.out.printf(Locale.ROOT, "  limit right: %s (target: within 3%% of %.0f s, zero 429s, none"
                                               + " failed)%n", pass ? "PASS" : "FAIL", ideal);
            } else {
                boolean pass = r.sandbox().lockouts() == 0 && r.failed() == 0;
                System.out.printf(Locale.ROOT, "  limit %.1fx too high: %s (target: completes, no lock-out); %d 429s"
                                               + " absorbed by resending%n", (double) limit / sandboxLimit,
                        pass ? "PASS" : "FAIL", r.resends());
            }
        }
    }

    /**
     * zalo:events (signature, replay window, de-duplication, typed event, a trivial route) against a bare platform-http
     * route answering 200, both on Camel Main's vert.x server, 64 senders; then a burst of 5,000 events, each answer
     * timed. Targets: at least 0.8x the bare route; p99 under 2 s; none lost, none processed twice.
     */
    private static void events(int requests, int reps) throws Exception {
        int callers = 64;
        System.out.printf(Locale.ROOT, "%nEvents: signed webhook POSTs to zalo:events against a bare platform-http"
                                       + " route answering 200, on Camel Main's vert.x server, %d senders%n", callers);
        EventsRun run = new EventsRun(callers);
        try {
            // warm-up, not reported
            run.post("warm-up", "/zalo/events", run.bodies(requests / 2), callers);
            run.post("warm-up", "/bare", run.bodies(requests / 2), callers);
            System.out.printf("%-4s %-13s %10s %9s %9s %9s %7s%n", "rep", "case", "events/s", "p50 ms", "p99 ms",
                    "max ms", "errors");
            List<Double> events = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            for (int rep = 1; rep <= reps; rep++) {
                for (String path : List.of("/zalo/events", "/bare")) {
                    EventsRun.Result r = run.post(path.equals("/bare") ? "bare" : "zalo:events", path,
                            run.bodies(requests), callers);
                    (path.equals("/bare") ? bare : events).add(r.perSecond());
                    System.out.printf(Locale.ROOT, "%-4d %-13s %10.0f %9d %9d %9d %7d%n", rep, r.label(),
                            r.perSecond(), r.percentile(0.5), r.percentile(0.99), r.percentile(1.0), r.errors());
                }
            }
            double ratio = medianOf(events) / medianOf(bare);
            System.out.printf(Locale.ROOT, "median: zalo:events %.0f/s, bare %.0f/s: %.2fx  (target >= 0.8x: %s)%n",
                    medianOf(events), medianOf(bare), ratio, ratio >= 0.8 ? "PASS" : "FAIL");

            run.clearProcessed();
            long completedBefore = run.stats().getCompleted();
            List<byte[][]> burst = run.bodies(5000);
            EventsRun.Result r = run.post("burst", "/zalo/events", burst, callers);
            long[] counts = run.processedAndTwice();
            long lost = burst.size() - counts[0];
            System.out.printf(Locale.ROOT, "burst of %,d events: %.2f s, p50 %d ms, p99 %d ms, max %d ms, answered"
                                           + " non-200 %d, lost %d, processed twice %d  (target p99 < 2000 ms, 0"
                                           + " lost, 0 twice: %s)%n", burst.size(), r.seconds(), r.percentile(0.5),
                    r.percentile(0.99), r.percentile(1.0), r.errors(), lost, counts[1],
                    r.percentile(0.99) < 2000 && lost == 0 && counts[1] == 0 && r.errors() == 0 ? "PASS" : "FAIL");
            System.out.printf(Locale.ROOT, "zalo:events completed %d of the burst; rejected %s%n",
                    run.stats().getCompleted() - completedBefore, run.stats().getRejected().values().stream()
                            .mapToLong(Long::longValue).sum());
        } finally {
            run.stop();
        }
    }

    private static double medianOf(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void summarize(List<LoadRun.Result> results, List<OverheadCase> cases, int[] callers) {
        System.out.printf("%nMedian of the repetitions (threads: most seen; errors: sum)%n");
        System.out.printf("%-8s %-15s %10s %12s %8s %12s %7s %s%n", "callers", "case", "req/s", "cpu us/req",
                "threads", "alloc B/req", "errors", "requests");
        for (int n : callers) {
            Map<OverheadCase, Double> rps = new LinkedHashMap<>();
            for (OverheadCase c : cases) {
                List<LoadRun.Result> of = results.stream().filter(r -> r.c() == c && r.callers() == n).toList();
                double reqs = median(of, LoadRun.Result::requestsPerSecond);
                rps.put(c, reqs);
                System.out.printf(Locale.ROOT, "%-8d %-15s %10.0f %12.1f %8d %12.0f %7d %d%n", n, c.label(), reqs,
                        median(of, LoadRun.Result::cpuMicrosPerRequest),
                        of.stream().mapToInt(LoadRun.Result::threads).max().orElse(0),
                        median(of, LoadRun.Result::bytesPerRequest),
                        of.stream().mapToLong(LoadRun.Result::errors).sum(),
                        of.stream().mapToLong(LoadRun.Result::requests).sum());
            }
            // the CareSoft case and the official API's case against the same two baselines, with the same targets
            for (OverheadCase measured : List.of(OverheadCase.COMPONENT, OverheadCase.ZALO)) {
                Double component = rps.get(measured);
                if (component == null) {
                    continue;
                }
                String label = measured.label();
                List<LoadRun.Result> of = results.stream()
                        .filter(r -> r.c() == measured && r.callers() == n).toList();
                if (rps.containsKey(measured.handWritten())) {
                    double ratio = component / rps.get(measured.handWritten());
                    double target = n >= 64 ? 1.3 : 1.1;
                    System.out.printf(Locale.ROOT, "%-8d %s/%s %.2fx  (target >= %.1fx: %s)%n", n, label,
                            measured.handWritten().label(), ratio, target, ratio >= target ? "PASS" : "FAIL");
                }
                if (rps.containsKey(measured.floor())) {
                    double ratio = component / rps.get(measured.floor());
                    System.out.printf(Locale.ROOT, "%-8d %s/%s %.2fx  (target >= 0.9x: %s)%n", n, label,
                            measured.floor().label(), ratio, ratio >= 0.9 ? "PASS" : "FAIL");
                }
                int threads = of.stream().mapToInt(LoadRun.Result::threads).max().orElse(0);
                long errors = of.stream().mapToLong(LoadRun.Result::errors).sum();
                long requests = of.stream().mapToLong(LoadRun.Result::requests).sum();
                System.out.printf(Locale.ROOT, "%-8d %s threads %d  (target <= callers + 4 = %d: %s);"
                                               + " errors %d in %,d requests (target 0: %s)%n", n, label, threads,
                        n + 4, threads <= n + 4 ? "PASS" : "FAIL", errors, requests, errors == 0 ? "PASS" : "FAIL");
            }
        }
    }

    private static double median(List<LoadRun.Result> results, java.util.function.ToDoubleFunction<LoadRun.Result> f) {
        double[] values = results.stream().mapToDouble(f).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** The stub server in a JVM of its own, so that its CPU is not counted as the client's. */
    static Process startStub(int ioThreads) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), StubServer.class.getName(), String.valueOf(ioThreads))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    static int readPort(Process stub) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).strip());
            }
        }
        throw new IllegalStateException("The stub server did not start");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.startsWith("no-")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

}
