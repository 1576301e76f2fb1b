package io.github.camelzalo.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelzalo.sandbox.WebhookAttempt;
import io.github.camelzalo.sandbox.WebhookDelivery;
import io.github.camelzalo.sandbox.ZaloSandbox;
import io.github.camelzalo.testservers.LocalServers;
import io.github.camelzalo.testservers.PostgresServer;
import io.github.camelzalo.testservers.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas behind one address receive the same webhook deliveries, with duplicates and retries: every event is
 * processed exactly once across the three JVMs. Each replica is a Camel Main application in a JVM of its own
 * ({@link EventsNode}: {@code from("zalo:events")} on platform-http, its {@code IdempotentRepository} on Redis or
 * PostgreSQL); a round-robin {@link Balancer} is the one address, to which the sandbox delivers {@value #EVENTS}
 * customers' messages, signed, on Zalo's retry schedule (scaled to a hundredth). Among them:
 * <ul>
 * <li>every tenth event is delivered twice at once (the balancer sends a duplicate to another replica than the
 * first: no replica can tell a duplicate by its own memory);</li>
 * <li>1 in 20 fails on its first attempt (the route throws, the replica answers 500, the key is not kept): Zalo's
 * retry goes to another replica and is processed there;</li>
 * <li>1 in 20 is delivered twice at once and the winner's route fails after {@value EventsNode#RACE_MILLIS} ms: its
 * duplicate, on another replica, finds the key leased and is answered 503 while the winner is in flight; the winner
 * answers 500 and gives the key back, and the first of Zalo's retries of the two deliveries to find it free is
 * processed, the other then a duplicate;</li>
 * <li>1 in 20 is processed but its 200 is lost on the way back (the balancer drops the connection): the retry,
 * on another replica, is a duplicate and is not processed again;</li>
 * <li>after the burst, a few hundred delivered events are delivered again (duplicates of a success).</li>
 * </ul>
 * A duplicate of an event in flight (its key leased, not yet confirmed) is answered 503 and sent again by Zalo; one of
 * an event processed (its key confirmed) is answered 200. And the events in the routes of a replica killed with
 * {@code kill -9}: the survivors process them once their lease has ended.
 */
class EventsMultiJvmIT {

    private static final int EVENTS = 3000;
    private static final int REPLICAS = 3;
    private static final String[] CUSTOMERS = { "0981234980", "0912345678" };
    /** The in-flight lease of the kill -9 proof: Zalo's retries scaled to a hundredth, 30 s and 5 min, are 0.3 and 3 s. */
    private static final long KILL_LEASE_MILLIS = 2500;

    private static RedisServer redis;
    private static PostgresServer postgres;

    @BeforeAll
    static void servers() {
        redis = RedisServer.start();
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void threeReplicasBehindOneAddressProcessEveryEventOnceWithRedis() throws Exception {
        redis.command("FLUSHALL");
        proof("Redis", redis.uri());
    }

    @Test
    void threeReplicasBehindOneAddressProcessEveryEventOnceWithPostgres() throws Exception {
        proof("PostgreSQL", postgres.jdbcUrl());
    }

    /**
     * A replica killed ({@code kill -9}) while its routes run never answers, so Zalo sends those events again. Their
     * keys were only leased ({@code inFlightLease}, here {@value #KILL_LEASE_MILLIS} ms, as short as Zalo's scaled
     * retries need): while the lease runs, the other replicas answer the retries 503 (in flight, send it again), and
     * the first retry after it ended is processed by a survivor, once; its key is then done for the full expiry.
     */
    @Test
    void theEventsInTheRoutesOfAReplicaKilledWithKill9AreProcessedOnceBySurvivorsWhenTheirLeaseEnds() throws Exception {
        redis.command("FLUSHALL");
        try (Cluster cluster = new Cluster("Redis-kill", redis.uri(), KILL_LEASE_MILLIS)) {
            ZaloSandbox sandbox = cluster.sandbox;
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(sandbox.actAs(CUSTOMERS[i % CUSTOMERS.length]).writes("Tin nhắn " + i + " [stall]"));
            }
            // replica-0 takes about a third of them, and its routes stall: kill it while they run, before ackTimeout
            // (1 s) would answer them, once no more have come for 150 ms
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (cluster.stalled().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long first = System.nanoTime();
            int seen = cluster.stalled().size();
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < 150_000_000L && System.nanoTime() - first < 600_000_000L) {
                Thread.sleep(5);
                if (cluster.stalled().size() != seen) {
                    seen = cluster.stalled().size();
                    quietSince = System.nanoTime();
                }
            }
            cluster.replicas.get(0).kill9();
            Instant killedAt = Instant.now();
            List<String> stalled = cluster.stalled();

            assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(90))).isTrue();
            List<Map<String, Object>> results = cluster.stopReplicas();
            Map<String, Integer> processed = cluster.processed(new TreeMap<>());
            List<WebhookDelivery> deliveries = sandbox.webhooks().deliveries();
            List<WebhookDelivery> ofStalled = deliveries.stream().filter(d -> stalled.contains(d.event().msgId()))
                    .toList();
            // answered 200 at ackTimeout before the kill: lost as any event whose route fails after its 200
            List<String> ackedBeforeTheKill = ofStalled.stream().filter(d -> d.attempts().get(0).httpStatus() == 200)
                    .map(d -> d.event().msgId()).toList();
            List<WebhookDelivery> retried = ofStalled.stream().filter(d -> d.attempts().get(0).httpStatus() == 0)
                    .toList();
            long refusedInFlight = retried.stream().flatMap(d -> d.attempts().stream())
                    .filter(a -> a.httpStatus() == 503).count();
            List<Long> afterTheKill = retried.stream().map(d -> Duration.between(killedAt,
                    d.attempts().get(d.attempts().size() - 1).startedAt()).toMillis()).sorted().toList();
            List<String> keys = stalled.stream().map(id -> redis.command("GET",
                    "camel-zalo:seen:zalo-events:user_send_text:" + id)).distinct().toList();
            List<Long> keyMillisLeft = stalled.stream().map(id -> Long.parseLong(redis.command("PTTL",
                    "camel-zalo:seen:zalo-events:user_send_text:" + id))).toList();
            Figures.record(String.format("events on Redis, kill -9 of a replica with %d events in its routes, lease"
                                         + " %d ms: %d retried by Zalo (%d answered 200 at ackTimeout before the"
                                         + " kill), %d retries answered 503 while the lease ran, then processed"
                                         + " %d times in all by the survivors, %d-%d ms after the kill; their keys"
                                         + " %s for %s h; the other %d events processed once each",
                    stalled.size(), KILL_LEASE_MILLIS, retried.size(), ackedBeforeTheKill.size(), refusedInFlight,
                    retried.stream().mapToInt(d -> processed.getOrDefault(d.event().msgId(), 0)).sum(),
                    afterTheKill.get(0), afterTheKill.get(afterTheKill.size() - 1), keys,
                    keyMillisLeft.stream().map(ms -> String.format("%.1f", ms / 3_600_000.0)).distinct().toList(),
                    sent.size() - stalled.size()));

            assertThat(stalled).isNotEmpty();
            assertThat(retried).hasSize(stalled.size() - ackedBeforeTheKill.size()).isNotEmpty();
            assertThat(results).allSatisfy(r -> assertThat(Replica.number(r, "failed")).isZero());
            assertThat(sum(results, "refusedInFlight")).as("counted by the survivors").isEqualTo(refusedInFlight);
            // the events of the dead replica that had no answer: retried, and processed once by a survivor
            assertThat(retried).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
                assertThat(d.attempts().get(d.attempts().size() - 1).httpStatus()).isEqualTo(200);
                assertThat(processed).containsEntry(d.event().msgId(), 1);
            });
            assertThat(afterTheKill).allSatisfy(ms -> assertThat(ms).isLessThan(30_000L));
            assertThat(keys).containsExactly("done");
            assertThat(keyMillisLeft).allSatisfy(ms -> assertThat(ms).isGreaterThan(23 * 3_600_000L));
            // every other event processed once, on the survivors
            assertThat(sent).filteredOn(id -> !stalled.contains(id))
                    .allSatisfy(id -> assertThat(processed).containsEntry(id, 1));
        }
    }

    /** What the test made each event: its index decides. */
    private enum Kind {
        PLAIN, TWIN, FAIL_ONCE, RACE, ANSWER_LOST;

        static Kind of(int i) {
            return switch (i % 20) {
                case 5 -> FAIL_ONCE;
                case 10 -> RACE;
                case 15 -> ANSWER_LOST;
                default -> i % 10 == 3 ? TWIN : PLAIN;
            };
        }

        String marker() {
            return switch (this) {
                case FAIL_ONCE -> " [fail-once]";
                case RACE -> " [race]";
                case ANSWER_LOST -> " [answer-lost]";
                default -> "";
            };
        }
    }

    /** Three replicas on one store, the balancer in front, the sandbox delivering to it. */
    private static final class Cluster implements AutoCloseable {
        Path dir;
        Balancer balancer;
        ZaloSandbox sandbox;
        final List<Replica> replicas = new ArrayList<>();

        Cluster(String storeName, String store) throws Exception {
            this(storeName, store, 0);
        }

        /** @param lease the repositories' {@code inFlightLease}, ms, or 0 for their default */
        Cluster(String storeName, String store, long lease) throws Exception {
            try {
                start(storeName, store, lease);
            } catch (Exception | AssertionError e) {
                close();
                throw e;
            }
        }

        private void start(String storeName, String store, long lease) throws Exception {
            dir = Path.of(System.getProperty("cluster.reports", "target/multi-jvm")).resolve("events-" + storeName);
            deleteRecursively(dir);
            Path markers = Files.createDirectories(dir.resolve("markers"));
            // the URL is set once the balancer knows where the replicas listen
            sandbox = ZaloSandbox.builder().port(0).sampleData().webhookConcurrency(16)
                    // Zalo's 30 s, 5 min, 15 min ... as 300 ms, 3 s, 9 s ...
                    .webhookRetryScale(0.01).build().start();
            List<URI> backends = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                String name = "events-" + storeName + "-" + i;
                for (int attempt = 1; ; attempt++) {
                    // a free port can be taken by another process before the replica binds it (vert.x then logs the
                    // failure, and Camel Main starts anyway): the probe tells, and the replica starts again elsewhere
                    int port = LocalServers.freePort();
                    List<String> args = new ArrayList<>(List.of("events", "replica-" + i, String.valueOf(port),
                            sandbox.appId(), sandbox.oaId(), sandbox.oa().secretKey(), store,
                            dir.resolve("processed-" + i + ".txt").toString(), markers.toString()));
                    if (lease > 0) {
                        args.add(Long.toString(lease));
                    }
                    Replica replica = Replica.start(name + (attempt == 1 ? "" : "-again-" + attempt),
                            args.toArray(String[]::new));
                    replica.awaitReady(120);
                    // the one request a replica refuses: it counts as received and rejected
                    if (probe(port) == 405) {
                        replicas.add(replica);
                        backends.add(URI.create("http://127.0.0.1:" + port + "/"));
                        break;
                    }
                    replica.close();
                    assertThat(attempt).as("%s could not listen on a free port", name).isLessThan(3);
                }
            }
            balancer = new Balancer(backends, json -> json.contains("[answer-lost]"));
            sandbox.webhooks().setUrl(balancer.url("/zalo/events"));
        }

        /** Stops the replicas still running and returns what each counted. */
        List<Map<String, Object>> stopReplicas() throws Exception {
            List<Replica> running = replicas.stream().filter(Replica::isAlive).toList();
            for (Replica r : running) {
                r.go();
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (Replica r : running) {
                results.add(r.result(60));
            }
            return results;
        }

        /** What the routes recorded: how often each event was processed, across the JVMs. */
        Map<String, Integer> processed(Map<String, Integer> perReplica) throws IOException {
            Map<String, Integer> processed = new HashMap<>();
            for (int i = 0; i < REPLICAS; i++) {
                for (String line : Files.readAllLines(dir.resolve("processed-" + i + ".txt"))) {
                    String[] parts = line.split(" ");
                    processed.merge(parts[0], 1, Integer::sum);
                    perReplica.merge(parts[1], 1, Integer::sum);
                }
            }
            return processed;
        }

        /** The events whose route stalled on replica-0. */
        List<String> stalled() throws IOException {
            try (Stream<Path> files = Files.list(dir.resolve("markers"))) {
                return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("stalled-"))
                        .map(f -> f.substring("stalled-".length())).toList();
            }
        }

        @Override
        public void close() throws Exception {
            for (Replica r : replicas) {
                r.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            if (balancer != null) {
                balancer.close();
            }
        }
    }

    private void proof(String storeName, String store) throws Exception {
        try (Cluster cluster = new Cluster(storeName, store)) {
            ZaloSandbox sandbox = cluster.sandbox;
            // the burst: every event made at once, the sandbox delivers 16 at a time
            Map<String, Kind> sent = new LinkedHashMap<>();
            long started = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                Kind kind = Kind.of(i);
                if (kind == Kind.TWIN || kind == Kind.RACE) {
                    sandbox.webhooks().duplicateNext(1);
                }
                sent.put(sandbox.actAs(CUSTOMERS[i % CUSTOMERS.length]).writes("Tin nhắn " + i + kind.marker()),
                        kind);
            }
            assertThat(sandbox.webhooks().awaitIdle(Duration.ofMinutes(3))).as("every delivery ended").isTrue();
            double burstSeconds = (System.nanoTime() - started) / 1e9;

            // duplicates of a success: events already processed, delivered again
            List<WebhookDelivery> firstDeliveries = sandbox.webhooks().deliveries().stream()
                    .filter(d -> d.duplicateOf() == null).toList();
            int redelivered = 0;
            int index = 0;
            for (WebhookDelivery d : firstDeliveries) {
                Kind kind = sent.get(d.event().msgId());
                if (index % 25 == 0 || kind != Kind.PLAIN && kind != Kind.TWIN && index % 100 < 20) {
                    sandbox.webhooks().redeliver(d.id());
                    redelivered++;
                }
                index++;
            }
            assertThat(sandbox.webhooks().awaitIdle(Duration.ofMinutes(1))).isTrue();
            double seconds = (System.nanoTime() - started) / 1e9;

            List<Map<String, Object>> results = cluster.stopReplicas();
            Map<String, Integer> perReplica = new TreeMap<>();
            Map<String, Integer> processed = cluster.processed(perReplica);
            List<WebhookDelivery> deliveries = sandbox.webhooks().deliveries();
            List<Balancer.Forward> forwards = cluster.balancer.log();
            Map<Kind, Long> kinds = sent.values().stream().collect(Collectors.groupingBy(k -> k, TreeMap::new,
                    Collectors.counting()));
            long duplicatesSent = deliveries.stream().filter(d -> d.duplicateOf() != null).count();
            long retries = deliveries.stream().mapToLong(d -> d.attempts().size() - 1).sum();
            long attempts = deliveries.stream().mapToLong(d -> d.attempts().size()).sum();
            List<Long> answerMillis = deliveries.stream().flatMap(d -> d.attempts().stream())
                    .filter(WebhookAttempt::succeeded).map(WebhookAttempt::millis).sorted().toList();
            long p99 = answerMillis.get((int) Math.ceil(answerMillis.size() * 0.99) - 1);
            long twice = processed.values().stream().filter(n -> n > 1).count();
            long lost = sent.keySet().stream().filter(id -> !processed.containsKey(id)).count();
            long inFlightRaces = inFlightRaces(sent, forwards);
            long refusedInFlight = deliveries.stream().flatMap(d -> d.attempts().stream())
                    .filter(a -> a.httpStatus() == 503).count();
            long unplannedRetries = retries - kinds.get(Kind.FAIL_ONCE) - kinds.get(Kind.RACE)
                                    - kinds.get(Kind.ANSWER_LOST) - refusedInFlight;

            Figures.record(String.format("events on %s, 3 replicas behind one balancer: %d events, %d deliveries"
                                         + " (%d duplicates sent: %d at once, %d after success), %d attempts, %d"
                                         + " retries (%d planned failures: %d routes failed once, %d of them while"
                                         + " their duplicate was in flight on another replica (%d seen in flight),"
                                         + " %d answers lost; %d deliveries of an event in flight answered 503; %d"
                                         + " unplanned: answers later than 2 s), processed per replica %s, lost %d,"
                                         + " processed twice %d, burst %.1f s, all %.1f s, answer p99 %d ms,"
                                         + " slowest %d ms",
                    storeName, EVENTS, deliveries.size(), duplicatesSent, duplicatesSent - redelivered, redelivered,
                    attempts, retries, kinds.get(Kind.FAIL_ONCE) + kinds.get(Kind.RACE) + kinds.get(Kind.ANSWER_LOST),
                    kinds.get(Kind.FAIL_ONCE) + kinds.get(Kind.RACE), kinds.get(Kind.RACE), inFlightRaces,
                    kinds.get(Kind.ANSWER_LOST), refusedInFlight, unplannedRetries, perReplica, lost, twice,
                    burstSeconds, seconds, p99, answerMillis.get(answerMillis.size() - 1)));
            for (Map<String, Object> r : results) {
                System.out.println("replica " + r);
            }

            // every event processed exactly once across the three JVMs: none lost, none twice
            assertThat(processed.keySet()).as("processed events").isEqualTo(sent.keySet());
            assertThat(processed.values()).as("times each event was processed").containsOnly(1);
            // every delivery eventually acknowledged 200
            assertThat(deliveries).hasSize(EVENTS + (int) duplicatesSent);
            assertThat(deliveries).allSatisfy(d -> {
                assertThat(d.status()).as("delivery %d", d.id()).isEqualTo(WebhookDelivery.Status.DELIVERED);
                assertThat(d.attempts().get(d.attempts().size() - 1).httpStatus()).isEqualTo(200);
            });
            // the failures were those planned, and what the replicas counted adds up
            long thrown = results.stream().mapToLong(r -> Replica.number(r, "thrown")).sum();
            assertThat(thrown).isEqualTo(kinds.get(Kind.FAIL_ONCE) + kinds.get(Kind.RACE));
            assertThat(sum(results, "failed")).as("answered 500").isEqualTo(thrown);
            assertThat(sum(results, "completed")).isEqualTo(EVENTS);
            assertThat(sum(results, "processed")).isEqualTo(EVENTS);
            assertThat(sum(results, "failedAfterAck")).isZero();
            assertThat(sum(results, "refusedWhenFull")).isZero();
            assertThat(sum(results, "rejected")).as("the probes").isEqualTo(REPLICAS);
            assertThat(sum(results, "inFlight")).isZero();
            long answered = forwards.stream().filter(f -> f.status() != 0).count();
            assertThat(sum(results, "received")).isEqualTo(answered + REPLICAS);
            // every other answer: a duplicate of an event processed (200), or of one in flight (503, sent again)
            assertThat(sum(results, "refusedInFlight")).as("answered 503 in flight").isEqualTo(refusedInFlight)
                    .isGreaterThanOrEqualTo(kinds.get(Kind.RACE) / 2);
            assertThat(sum(results, "duplicates")).isEqualTo(answered - EVENTS - thrown - refusedInFlight);
            assertThat(perReplica).hasSize(REPLICAS).allSatisfy((replica, n) -> assertThat(n).isGreaterThan(EVENTS / 5));
            // every duplicate and every retry went to another replica than the attempt before it
            Map<String, Integer> previous = new HashMap<>();
            for (Balancer.Forward f : forwards.stream().sorted(Comparator.comparingLong(Balancer.Forward::startNanos))
                    .toList()) {
                if (f.msgId() == null) {
                    continue;
                }
                Integer before = previous.put(f.msgId(), f.backend());
                assertThat(f.backend()).as("%s went to another replica", f.msgId()).isNotEqualTo(before);
            }
            // the answers lost: processed on the first try, the retry found its key and was not processed again
            for (Map.Entry<String, Kind> e : sent.entrySet()) {
                if (e.getValue() == Kind.ANSWER_LOST) {
                    WebhookDelivery d = deliveries.stream().filter(x -> e.getKey().equals(x.event().msgId())
                                                                        && x.duplicateOf() == null).findFirst()
                            .orElseThrow();
                    assertThat(d.attempts()).extracting(WebhookAttempt::httpStatus).startsWith(0, 200);
                }
            }
            // the race was run: a duplicate answered 503 on one replica while the winner was still in flight on another
            assertThat(inFlightRaces).as("races seen in flight").isGreaterThanOrEqualTo(kinds.get(Kind.RACE) / 2);
        }
    }

    /**
     * The races run as planned: of an event delivered twice at once, one first try answered 503 (in flight) on one
     * replica, between the start and the 500 of the other's on another replica.
     */
    private static long inFlightRaces(Map<String, Kind> sent, List<Balancer.Forward> forwards) {
        Map<String, List<Balancer.Forward>> firstTries = forwards.stream().filter(f -> f.numRetry() == 0)
                .collect(Collectors.groupingBy(Balancer.Forward::msgId));
        long races = 0;
        for (Map.Entry<String, Kind> e : sent.entrySet()) {
            if (e.getValue() != Kind.RACE) {
                continue;
            }
            List<Balancer.Forward> two = firstTries.getOrDefault(e.getKey(), List.of());
            Balancer.Forward failed = two.stream().filter(f -> f.status() == 500).findFirst().orElse(null);
            Balancer.Forward duplicate = two.stream().filter(f -> f.status() == 503).findFirst().orElse(null);
            if (failed != null && duplicate != null && failed.backend() != duplicate.backend()
                && duplicate.endNanos() > failed.startNanos() && duplicate.endNanos() < failed.endNanos()) {
                races++;
            }
        }
        return races;
    }

    private static long sum(List<Map<String, Object>> results, String key) {
        return results.stream().mapToLong(r -> Replica.number(r, key)).sum();
    }

    /** A GET to the replica's webhook path: 405 from zalo:events, anything else from whatever holds the port. */
    private static int probe(int port) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                                                     + "/zalo/events"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
