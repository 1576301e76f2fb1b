package io.github.camelzalo.component.zalo.events;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of {@code from("zalo:events")}, set on its URI. */
@UriParams
public class ZaloEventsConfiguration {

    public static final String DEFAULT_PATH = "/zalo/events";

    @UriParam(label = "consumer", defaultValue = DEFAULT_PATH,
              description = "zalo:events: the path on the runtime's HTTP server (platform-http) where Zalo POSTs the"
                            + " events; the app's webhook URL in Zalo's developer console is the public address of the"
                            + " server followed by this path. Several consumers may share a path and split the events"
                            + " by oaId.")
    private String webhookPath = DEFAULT_PATH;

    @UriParam(label = "consumer",
              description = "zalo:events: the event names the route takes, separated by commas, a name ending in * for"
                            + " all that start so (user_send_*); every event by default. Others are answered 200 and"
                            + " dropped.")
    private String events;

    @UriParam(label = "consumer,advanced",
              description = "zalo:events: where the keys of the events already processed are kept, so that a"
                            + " duplicate is answered 200 without reaching the route. Any Camel IdempotentRepository"
                            + " (a shared one when several replicas receive the events); by default one in memory that"
                            + " keeps the latest 10,000 keys. A key is kept only when the route succeeded. With a"
                            + " LeasedIdempotentRepository (camel-zalo-redis, camel-zalo-jdbc), a delivery of an event"
                            + " still in flight is answered 503, so that Zalo sends it again.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "afterRoute", enums = "afterRoute,immediate",
              description = "zalo:events: when Zalo gets its answer. afterRoute: when the route has finished, 200 if it"
                            + " succeeded and 500 if it failed (Zalo then sends the event again), or 200 at ackTimeout"
                            + " for a slower route. immediate: 200 once the event is verified and queued; the route"
                            + " runs afterwards.")
    private EventAckMode ackMode = EventAckMode.afterRoute;

    @UriParam(label = "consumer", defaultValue = "1000", javaType = "java.time.Duration",
              description = "zalo:events, ackMode afterRoute: the longest Zalo waits for its answer, in milliseconds."
                            + " Zalo wants one within 2 seconds and sends the event again otherwise; a route still"
                            + " running then gets its 200 and goes on, and a failure after that reaches only the"
                            + " route's error handler.")
    private long ackTimeout = 1000;

    @UriParam(label = "consumer,security", defaultValue = "65536",
              description = "zalo:events: the largest body accepted, in bytes; a larger one is answered 413, on its"
                            + " Content-Length before it is read, else as soon as more has arrived.")
    private int maxBodySize = 64 * 1024;

    @UriParam(label = "consumer,security", defaultValue = "10800000", javaType = "java.time.Duration",
              description = "zalo:events: how far from now an event's timestamp may be, in milliseconds; an event"
                            + " outside is answered 401. The default, 3 hours, admits Zalo's last retry (about 2 hours"
                            + " after the first try); a replay inside the window is a duplicate. 0 turns the check"
                            + " off.")
    private long replayWindow = 3 * 60 * 60 * 1000L;

    @UriParam(label = "consumer,security", defaultValue = "true",
              description = "zalo:events: whether the X-ZEvent-Signature of every event is checked with the OA's"
                            + " secret key. Turn it off only to try things locally: anyone could then post events.")
    private boolean verifySignature = true;

    @UriParam(label = "consumer", defaultValue = "10",
              description = "zalo:events: how many events the route processes at once, on the consumer's own"
                            + " threads.")
    private int concurrentConsumers = 10;

    @UriParam(label = "consumer", defaultValue = "1000",
              description = "zalo:events: how many events may wait for a thread. When the queue is full an event is"
                            + " answered 503 and Zalo sends it again later: the consumer never queues without bound.")
    private int eventQueueSize = 1000;

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public EventAckMode getAckMode() {
        return ackMode;
    }

    public void setAckMode(EventAckMode ackMode) {
        this.ackMode = ackMode;
    }

    public long getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(long ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public long getReplayWindow() {
        return replayWindow;
    }

    public void setReplayWindow(long replayWindow) {
        this.replayWindow = replayWindow;
    }

    public boolean isVerifySignature() {
        return verifySignature;
    }

    public void setVerifySignature(boolean verifySignature) {
        this.verifySignature = verifySignature;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getEventQueueSize() {
        return eventQueueSize;
    }

    public void setEventQueueSize(int eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }
}
