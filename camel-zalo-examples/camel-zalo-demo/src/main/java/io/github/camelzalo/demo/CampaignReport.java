package io.github.camelzalo.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.PhoneNumbers;
import io.github.camelzalo.component.zalo.model.Quota;
import io.github.camelzalo.component.zalo.model.SendImageResult;
import io.github.camelzalo.component.zalo.model.UserStatus;
import org.apache.camel.Exchange;

/**
 * Counts what the run did and renders the closing report. The routes call it as the bean {@code campaign}.
 * Thread-safe, so the same report works if the split is made parallel.
 */
public class CampaignReport {

    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final Map<String, Integer> skipReasons = new TreeMap<>();
    private final List<String> deadLetters = new ArrayList<>();
    private final Map<String, Integer> imagesPaidBy = new TreeMap<>();
    private final Map<String, Quota> lastQuotaByType = new TreeMap<>();
    private final Runnable onFinish;
    private long startedNanos;
    private Duration elapsed;
    private int customers;

    public CampaignReport(Runnable onFinish) {
        this.onFinish = onFinish;
    }

    public synchronized void start(List<?> customerList) {
        startedNanos = System.nanoTime();
        customers = customerList.size();
    }

    public synchronized void consultationSent(Exchange exchange) {
        count(Outcome.CONSULTATION_TEXT);
    }

    public synchronized void transactionSent(Exchange exchange) {
        count(Outcome.TRANSACTION_SCRIPT);
    }

    public synchronized void imageSent(SendImageResult result) {
        count(Outcome.IMAGE);
        if (result.getQuota() != null) {
            imagesPaidBy.merge(result.getQuota().getQuotaType(), 1, Integer::sum);
            lastQuotaByType.put(result.getQuota().getQuotaType(), result.getQuota());
        }
    }

    public synchronized void skipped(Exchange exchange) {
        count(Outcome.SKIPPED);
        skipReasons.merge(SkipReason.of(exchange.getProperty("status", UserStatus.class)), 1, Integer::sum);
    }

    /** For the dead-letter route: the reason is the exception that stopped the customer's exchange. */
    public synchronized void deadLettered(Exchange exchange) {
        count(Outcome.DEAD_LETTER);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DemoCustomer customer = exchange.getProperty("customer", DemoCustomer.class);
        String who = customer != null ? customer.getName() + " (" + PhoneNumbers.mask(customer.getPhone()) + ")"
                : PhoneNumbers.mask(exchange.getMessage().getHeader(ZaloConstants.PHONE_NO, String.class));
        deadLetters.add(who + ": " + reason(cause));
    }

    static String reason(Throwable cause) {
        if (cause instanceof ZaloValidationException v) {
            return "invalid input, " + v.getField() + " " + v.getRule();
        }
        if (cause instanceof ZaloApiException a) {
            return a.getKind() + " from " + a.getProvider() + (a.getErrorMessage() != null ? ", " + a.getErrorMessage() : "")
                   + (a.isRetryable() ? " (still failing after retries)" : "");
        }
        return cause == null ? "unknown" : cause.toString();
    }

    public void finish() {
        synchronized (this) {
            elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        }
        onFinish.run();
    }

    private void count(Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public synchronized int countOf(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public synchronized int customers() {
        return customers;
    }

    public synchronized List<String> deadLetters() {
        return Collections.unmodifiableList(new ArrayList<>(deadLetters));
    }

    public synchronized Map<String, Integer> skipReasons() {
        return new TreeMap<>(skipReasons);
    }

    public synchronized Map<String, Integer> imagesPaidBy() {
        return new TreeMap<>(imagesPaidBy);
    }

    public synchronized String render(String target) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n=== Zalo customer-care run ===\n");
        line(sb, "providers", target);
        line(sb, "customers read", customers);
        for (Outcome o : Outcome.values()) {
            int n = counts.getOrDefault(o, 0);
            line(sb, o.label(), o == Outcome.IMAGE && !imagesPaidBy.isEmpty() ? n + "   paid by " + imagesPaidBy : n);
            if (o == Outcome.SKIPPED) {
                skipReasons.forEach((r, count) -> sb.append(String.format("    %-52s %d%n", r, count)));
            }
            if (o == Outcome.DEAD_LETTER) {
                deadLetters.forEach(d -> sb.append("    ").append(d).append('\n'));
            }
        }
        Quota pack = lastQuotaByType.get("sub_quota");
        line(sb, "OA package quota left", pack == null ? "not used"
                : pack.getRemain() + " of " + pack.getTotal() + " (sub_quota, after the last image it paid)");
        line(sb, "time taken", String.format("%.2f s", elapsed == null ? 0 : elapsed.toMillis() / 1000.0));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Object value) {
        sb.append(String.format("%-25s %s%n", label, value));
    }
}
