package io.github.camelzalo.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import io.github.camelzalo.component.zalo.model.event.MessageEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * One replica receiving Zalo's webhooks: a Camel Main application with camel-platform-http-main (vert.x) on its own
 * port, {@code from("zalo:events")} with the shared {@code IdempotentRepository} made from {@code camel.beans.*}
 * properties as a user configures it (Redis or a database). Its route appends every event it processed to its own
 * file, one line {@code <msg_id> <replica>} each, so that the proof counts processed-per-event across JVMs.
 * <p>
 * Failures are made by the event's text, whichever replica it reaches: an event marked {@code [fail-once]} fails on
 * its first attempt anywhere in the cluster (a marker file created with {@code CREATE_NEW} decides, atomically across
 * processes); one marked {@code [race]} does the same after {@value #RACE_MILLIS} ms, so that its duplicate, delivered
 * at the same moment to another replica, arrives while it is in flight. On {@code replica-0}, one marked
 * {@code [stall]} leaves a marker {@code stalled-<msg_id>} and waits for a minute (the proof kills the JVM meanwhile).
 * <p>
 * Arguments: {@code events <name> <port> <appId> <oaId> <oaSecretKey> <store> <processedFile> <markerDir>
 * [<inFlightLease ms>]}, the store a {@code redis://} URI or a {@code jdbc:} URL, the lease the repository's default
 * when not given. Prints {@code READY} once it listens; on a line on its
 * standard input it stops and reports its consumer's counters.
 */
final class EventsNode {

    static final long RACE_MILLIS = 300;

    private EventsNode() {
    }

    static Map<String, Object> run(String[] a) throws Exception {
        String name = a[1];
        int port = Integer.parseInt(a[2]);
        String appId = a[3];
        String oaId = a[4];
        String oaSecretKey = a[5];
        String store = a[6];
        Path processedFile = Path.of(a[7]);
        Path markers = Path.of(a[8]);

        Main main = new Main();
        main.addInitialProperty("camel.main.name", name);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.server.maxBodySize", "65536");
        main.addInitialProperty("camel.component.zalo.oa-id", oaId);
        main.addInitialProperty("camel.component.zalo.zalo.app-id", appId);
        main.addInitialProperty("camel.component.zalo.zalo.oa-secret-key", oaSecretKey);
        if (store.startsWith("jdbc:")) {
            main.addInitialProperty("camel.beans.zaloDataSource", "#class:com.zaxxer.hikari.HikariDataSource");
            main.addInitialProperty("camel.beans.zaloDataSource.jdbc-url", store);
            main.addInitialProperty("camel.beans.zaloDataSource.username", "zalo");
            main.addInitialProperty("camel.beans.zaloDataSource.maximum-pool-size", "8");
            main.addInitialProperty("camel.beans.zaloEvents",
                    "#class:io.github.camelzalo.component.zalo.jdbc.JdbcIdempotentRepository");
            main.addInitialProperty("camel.beans.zaloEvents.data-source", "#bean:zaloDataSource");
        } else {
            main.addInitialProperty("camel.beans.zaloRedis", "#class:io.github.camelzalo.component.zalo.redis.ZaloRedis");
            main.addInitialProperty("camel.beans.zaloRedis.uri", store);
            main.addInitialProperty("camel.beans.zaloEvents",
                    "#class:io.github.camelzalo.component.zalo.redis.RedisIdempotentRepository");
            main.addInitialProperty("camel.beans.zaloEvents.redis", "#bean:zaloRedis");
        }
        main.addInitialProperty("camel.beans.zaloEvents.processor-name", "zalo-events");
        if (a.length > 9) {
            main.addInitialProperty("camel.beans.zaloEvents.in-flight-lease", a[9]);
        }

        AtomicLong processed = new AtomicLong();
        AtomicLong thrown = new AtomicLong();
        try (Writer out = Files.newBufferedWriter(processedFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("zalo:events?events=user_send_text&idempotentRepository=#zaloEvents").routeId("events")
                            .errorHandler(noErrorHandler())
                            .process(e -> {
                                String msgId = e.getMessage().getHeader(ZaloConstants.MESSAGE_ID, String.class);
                                String text = e.getMessage().getBody(MessageEvent.class).getText();
                                if (text.contains("[stall]") && name.equals("replica-0")) {
                                    // the JVM is killed while this runs
                                    Files.createFile(markers.resolve("stalled-" + msgId));
                                    Thread.sleep(60_000);
                                }
                                boolean race = text.contains("[race]");
                                if ((race || text.contains("[fail-once]")) && firstAttempt(markers, msgId)) {
                                    thrown.incrementAndGet();
                                    if (race) {
                                        Thread.sleep(RACE_MILLIS);
                                    }
                                    throw new IllegalStateException("the CRM is down for a moment");
                                }
                                record(out, msgId, name);
                                processed.incrementAndGet();
                            });
                }
            });
            main.start();
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

            ZaloEventsStats stats = (ZaloEventsStats) main.getCamelContext().getRoute("events").getConsumer();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mode", "events");
            r.put("name", name);
            r.put("received", stats.getReceived());
            r.put("rejected", stats.getRejected().values().stream().mapToLong(Long::longValue).sum());
            r.put("accepted", stats.getAccepted());
            r.put("duplicates", stats.getDuplicates());
            r.put("completed", stats.getCompleted());
            r.put("failed", stats.getFailed());
            r.put("ackedLate", stats.getAckedLate());
            r.put("failedAfterAck", stats.getFailedAfterAck());
            r.put("refusedWhenFull", stats.getRefusedWhenFull());
            r.put("refusedInFlight", stats.getRefusedInFlight());
            r.put("inFlight", stats.getInFlight());
            r.put("processed", processed.get());
            r.put("thrown", thrown.get());
            main.stop();
            return r;
        }
    }

    /** Whether this is the first attempt at the event anywhere in the cluster. */
    private static boolean firstAttempt(Path markers, String msgId) throws IOException {
        try {
            Files.createFile(markers.resolve(msgId));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static void record(Writer out, String msgId, String name) throws IOException {
        synchronized (out) {
            out.write(msgId + " " + name + "\n");
            out.flush();
        }
    }
}
