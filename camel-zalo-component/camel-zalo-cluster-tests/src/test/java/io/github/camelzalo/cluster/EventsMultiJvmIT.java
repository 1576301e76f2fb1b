package io.github.camelzalo.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * duplicate, on another replica, finds the key taken and is answered 200 while the winner is in flight; the winner
 * answers 500 and gives the key back, and Zalo's retry of the winner's delivery is processed;</li>
 * <li>1 in 20 is processed but its 200 is lost on the way back (the balancer drops the connection): the retry,
 * on another replica, is a duplicate and is not processed again;</li>
 * <li>after the burst, a few hundred delivered events are delivered again (duplicates of a success).</li>
 * </ul>
 * And what a shared repository cannot save: the events in the routes of a replica killed with {@code kill -9}.
 */
class EventsMultiJvmIT {

    private static final int EVENTS = 3000;
    private static final int REPLICAS = 3;
    private static final String[] CUSTOMERS = { "0981234980", "0912345678" };

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
     * What a shared repository cannot do: a replica killed ({@code kill -9}) while its routes run never answers, so Zalo
     * sends those events again; but their keys stay taken in the shared store (a key is given back when a route
     * fails, and this one never ended), so another replica answers the retries 200 as duplicates and the events are
     * never processed (the keys expire after 24 h, long after Zalo's last retry). The keys of an in-memory repository
     * would have died with the JVM. This is the loss window docs/events.md describes; the proof pins it.
     */
    @Test
    void aReplicaKilledWhileItsRoutesRunLeavesTheirKeysTakenAndTheirRetriesAreAnsweredAsDuplicates() throws Exception {
        redis.command("FLUSHALL");
        try (Cluster cluster = new Cluster("Redis-kill", redis.uri())) {
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
            List<String> stalled = cluster.stalled();

            assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(30))).isTrue();
            List<Map<String, Object>> results = cluster.stopReplicas();
            Map<String, Integer> processed = cluster.processed(new TreeMap<>());
            List<WebhookDelivery> deliveries = sandbox.webhooks().deliveries();
            // the deliveries of the stalled events: their first try got no answer, the retry was answered 200
            List<WebhookDelivery> ofStalled = deliveries.stream().filter(d -> stalled.contains(d.event().msgId()))
                    .toList();
            long retriedAsDuplicates = ofStalled.stream().filter(d -> d.attempts().size() >= 2
                                                                     && d.attempts().get(0).httpStatus() == 0)
                    .count();
            long ackedBeforeTheKill = ofStalled.stream().filter(d -> d.attempts().get(0).httpStatus() == 200).count();
            List<Long> keyMillisLeft = stalled.stream().map(id -> Long.parseLong(redis.command("PTTL",
                    "camel-zalo:seen:zalo-events:user_send_text:" + id))).toList();
            Figures.record(String.format("events on Redis, kill -9 of a replica with %d events in its routes: %d"
                                         + " retried by Zalo and answered 200 as duplicates by the other replicas"
                                         + " (%d answered 200 at ackTimeout before the kill), processed %d times;"
                                         + " their keys stay %s h; the other %d events processed once each",
                    stalled.size(), retriedAsDuplicates, ackedBeforeTheKill,
                    stalled.stream().mapToInt(id -> processed.getOrDefault(id, 0)).sum(),
                    keyMillisLeft.stream().map(ms -> String.format("%.1f", ms / 3_600_000.0)).distinct().toList(),
                    sent.size() - stalled.size()));

            assertThat(stalled).isNotEmpty();
            assertThat(results).allSatisfy(r -> assertThat(Replica.number(r, "failed")).isZero());
            // the events of the dead replica: acknowledged, never processed, their keys kept
            assertThat(ofStalled).allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED));
            assertThat(retriedAsDuplicates).as("retried and answered as duplicates").isPositive()
                    .isEqualTo(stalled.size() - ackedBeforeTheKill);
            assertThat(stalled).allSatisfy(id -> assertThat(processed).doesNotContainKey(id));
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
            try {
                start(storeName, store);
            } catch (Exception | AssertionError e) {
                close();
                throw e;
            }
        }

        private void start(String storeName, String store) throws Exception {
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
                    Replica replica = Replica.start(name + (attempt == 1 ? "" : "-again-" + attempt), "events",
                            "replica-" + i, String.valueOf(port), sandbox.appId(), sandbox.oaId(),
                            sandbox.oa().secretKey(), store, dir.resolve("processed-" + i + ".txt").toString(),
                            markers.toString());
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
            long unplannedRetries = retries - kinds.get(Kind.FAIL_ONCE) - kinds.get(Kind.RACE)
                                    - kinds.get(Kind.ANSWER_LOST);

            Figures.record(String.format("events on %s, 3 replicas behind one balancer: %d events, %d deliveries"
                                         + " (%d duplicates sent: %d at once, %d after success), %d attempts, %d"
                                         + " retries (%d planned failures: %d routes failed once, %d of them while"
                                         + " their duplicate was in flight on another replica (%d seen in flight),"
                                         + " %d answers lost; %d unplanned: answers later than 2 s), processed per"
                                         + " replica %s, lost %d, processed twice %d, burst %.1f s, all %.1f s,"
                                         + " answer p99 %d ms, slowest %d ms",
                    storeName, EVENTS, deliveries.size(), duplicatesSent, duplicatesSent - redelivered, redelivered,
                    attempts, retries, kinds.get(Kind.FAIL_ONCE) + kinds.get(Kind.RACE) + kinds.get(Kind.ANSWER_LOST),
                    kinds.get(Kind.FAIL_ONCE) + kinds.get(Kind.RACE), kinds.get(Kind.RACE), inFlightRaces,
                    kinds.get(Kind.ANSWER_LOST), unplannedRetries, perReplica, lost, twice, burstSeconds, seconds, p99,
                    answerMillis.get(answerMillis.size() - 1)));
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
            assertThat(sum(results, "duplicates")).isEqualTo(answered - EVENTS - thrown);
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
            // the race was run: a duplicate answered 200 on one replica while the winner was still in flight on another
            assertThat(inFlightRaces).as("races seen in flight").isGreaterThanOrEqualTo(kinds.get(Kind.RACE) / 2);
        }
    }

    /**
     * The races run as planned: of an event delivered twice at once, one first try answered 200 (a duplicate) on one
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
            Balancer.Forward duplicate = two.stream().filter(f -> f.status() == 200).findFirst().orElse(null);
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
