package io.github.camelzalo.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelzalo.component.zalo.model.event.DeliveryEvent;
import io.github.camelzalo.component.zalo.model.event.SeenEvent;
import io.github.camelzalo.sandbox.Customer;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.apache.camel.Exchange;

/**
 * After the campaign, against the sandbox: some customers write to the OA (the sandbox delivers their messages to
 * the demo's webhook, signed as Zalo does), the demo answers them ({@link CustomerRepliesRoutes}), then every
 * customer reads what the OA sent. Counts the replies handled and the delivery and seen receipts for the report. The
 * routes call it as the bean {@code conversations}.
 */
public class CustomerConversations {

    /** Who writes what, after the campaign. */
    static final Map<String, String> CUSTOMERS_WRITE = scripted();

    private final ZaloSandbox sandbox;
    private final List<String> readers;
    private final Map<String, Integer> replies = new TreeMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private int seenEvents;

    /**
     * @param sandbox the sandbox whose customers write and read, or {@code null} with real accounts (nothing is then
     *                simulated)
     * @param readers the phone numbers of the customers who read their messages at the end
     */
    CustomerConversations(ZaloSandbox sandbox, List<String> readers) {
        this.sandbox = sandbox;
        this.readers = readers;
    }

    private static Map<String, String> scripted() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0981234980", "Đơn hàng DH1001 của tôi đến đâu rồi ạ?");
        m.put("0912345678", "Cửa hàng mấy giờ mở cửa vậy shop?");
        m.put("0987654321", "Tôi muốn hủy đơn DH1004");
        m.put("0934567890", "Cảm ơn shop nhiều!");
        return m;
    }

    /** The customers write, the demo answers, they read; waits for the receipts, then notes it all in the report. */
    public void simulate(Exchange exchange) throws InterruptedException {
        if (sandbox == null) {
            return;
        }
        try {
            converse(exchange);
        } catch (RuntimeException e) {
            // the report must still be printed: say what went wrong instead
            exchange.getContext().getRegistry().lookupByNameAndType("campaign", CampaignReport.class)
                    .note("replies handled", "stopped: " + e);
        }
    }

    private void converse(Exchange exchange) throws InterruptedException {
        CUSTOMERS_WRITE.forEach((phone, text) -> sandbox.actAs(phone).writes(text));
        await(() -> repliesHandled() == CUSTOMERS_WRITE.size(), Duration.ofSeconds(30));
        sandbox.webhooks().awaitIdle(Duration.ofSeconds(30));
        int readersWithNews = 0;
        for (String phone : readers) {
            if (sandbox.directory().find(phone).filter(Customer::onZalo).isPresent()
                && !sandbox.actAs(phone).sees().isEmpty()) {
                readersWithNews++;
            }
        }
        int expectedSeen = readersWithNews;
        await(() -> seenEvents() == expectedSeen, Duration.ofSeconds(30));
        sandbox.webhooks().awaitIdle(Duration.ofSeconds(30));
        CampaignReport campaign = exchange.getContext().getRegistry().lookupByNameAndType("campaign",
                CampaignReport.class);
        synchronized (this) {
            campaign.note("replies handled", repliesHandled() + "   " + replies
                                             + ", each answered through zalo:send");
        }
        campaign.note("messages delivered", delivered.size() + "   (user_received_message receipts)");
        campaign.note("messages seen", seen.size() + "   (by " + expectedSeen + " customers, user_seen_message)");
    }

    public synchronized void replied(String topic) {
        replies.merge(topic, 1, Integer::sum);
    }

    public void receipt(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof DeliveryEvent d) {
            delivered.add(d.getMessageId());
        } else if (body instanceof SeenEvent s) {
            seen.addAll(s.getMessageIds());
            synchronized (this) {
                seenEvents++;
            }
        }
    }

    synchronized int repliesHandled() {
        return replies.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized int seenEvents() {
        return seenEvents;
    }

    private static void await(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
