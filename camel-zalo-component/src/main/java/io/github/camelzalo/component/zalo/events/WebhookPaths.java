package io.github.camelzalo.component.zalo.events;

import java.util.HashMap;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloAppAccount;
import io.github.camelzalo.component.zalo.management.ZaloMonitor;
import org.apache.camel.CamelContext;

/**
 * The webhook paths of one component, each served once on the HTTP server however many consumers share it. The first
 * consumer of a path starts it, the last one to stop stops it.
 */
public final class WebhookPaths {

    private final Map<String, EventsWebhook> paths = new HashMap<>();
    private final ZaloMonitor monitor;

    /** @param monitor whom the paths tell of each request's outcome, or {@code null} */
    public WebhookPaths(ZaloMonitor monitor) {
        this.monitor = monitor;
    }

    synchronized EventsWebhook join(CamelContext context, ZaloEventsConsumer consumer, String path,
                                    EventsWebhook.Settings settings, ZaloAppAccount app) throws Exception {
        EventsWebhook webhook = paths.get(path);
        if (webhook == null) {
            webhook = new EventsWebhook(path, settings, app, monitor);
            webhook.add(consumer);
            try {
                webhook.listen(context);
            } catch (Exception e) {
                webhook.remove(consumer);
                throw e;
            }
            paths.put(path, webhook);
        } else {
            if (!webhook.settings().equals(settings)) {
                throw new IllegalArgumentException("The zalo:events consumers on " + path + " must have the same"
                                                   + " maxBodySize, replayWindow and verifySignature, as these apply"
                                                   + " before an event's consumer is known; they have " + settings
                                                   + " and " + webhook.settings());
            }
            webhook.add(consumer);
        }
        return webhook;
    }

    synchronized void leave(EventsWebhook webhook, ZaloEventsConsumer consumer) {
        if (webhook.remove(consumer)) {
            paths.remove(webhook.path());
            webhook.stopListening();
        }
    }
}
