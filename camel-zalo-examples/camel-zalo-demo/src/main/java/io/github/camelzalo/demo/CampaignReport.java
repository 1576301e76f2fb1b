package io.github.camelzalo.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.PhoneNumbers;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.Quota;
import io.github.camelzalo.component.zalo.model.SendImageResult;
import io.github.camelzalo.component.zalo.model.UserStatus;
import io.github.camelzalo.component.zalo.model.ZnsResult;
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
    private final Map<String, Integer> textsPaidBy = new TreeMap<>();
    private final Map<String, String> extras = new LinkedHashMap<>();
    private final Runnable onFinish;
    private final String title;
    private final List<Outcome> outcomes;
    private long startedNanos;
    private Duration elapsed;
    private int customers;

    /** The report of the run through CareSoft and eTelecom. */
    public CampaignReport(Runnable onFinish) {
        this(onFinish, "Zalo customer-care run", List.of(Outcome.CONSULTATION_TEXT, Outcome.TRANSACTION_SCRIPT,
                Outcome.IMAGE, Outcome.SKIPPED, Outcome.DEAD_LETTER));
    }

    /** A report titled {@code title}, with a line for each of {@code outcomes}, in that order. */
    public CampaignReport(Runnable onFinish, String title, List<Outcome> outcomes) {
        this.onFinish = onFinish;
        this.title = title;
        this.outcomes = List.copyOf(outcomes);
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

    /** A consultation text through the official API, and the quota that paid for it. */
    public synchronized void oaTextSent(OaMessageResult result) {
        count(Outcome.CONSULTATION_TEXT);
        if (result.getQuota() != null) {
            textsPaidBy.merge(result.getQuota().getQuotaType(), 1, Integer::sum);
        }
    }

    /** An image through the official API. */
    public synchronized void oaImageSent(OaMessageResult result) {
        count(Outcome.IMAGE);
        if (result.getQuota() != null) {
            imagesPaidBy.merge(result.getQuota().getQuotaType(), 1, Integer::sum);
        }
    }

    /** A ZNS template message sent because the consultation was no longer allowed. */
    public synchronized void znsSent(ZnsResult result) {
        count(Outcome.ZNS_FALLBACK);
        if (result.getRemainingQuota() != null && result.getDailyQuota() != null) {
            extras.put("ZNS quota left today", result.getRemainingQuota() + " of " + result.getDailyQuota());
        }
    }

    /** Nothing sent, for a reason the route gives (the official API has no user-status lookup). */
    public synchronized void skippedBecause(String reason) {
        count(Outcome.SKIPPED);
        skipReasons.merge(reason, 1, Integer::sum);
    }

    /** A line of the report after the outcomes, e.g. how often the access token was refreshed. */
    public synchronized void note(String label, String value) {
        extras.put(label, value);
    }

    public synchronized Map<String, Integer> textsPaidBy() {
        return new TreeMap<>(textsPaidBy);
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
        sb.append("\n=== ").append(title).append(" ===\n");
        line(sb, "providers", target);
        line(sb, "customers read", customers);
        for (Outcome o : outcomes) {
            int n = counts.getOrDefault(o, 0);
            Map<String, Integer> paidBy = o == Outcome.IMAGE ? imagesPaidBy
                    : o == Outcome.CONSULTATION_TEXT ? textsPaidBy : Map.of();
            line(sb, o.label(), paidBy.isEmpty() ? n : n + "   paid by " + paidBy);
            if (o == Outcome.SKIPPED) {
                skipReasons.forEach((r, count) -> sb.append(String.format("    %-52s %d%n", r, count)));
            }
            if (o == Outcome.DEAD_LETTER) {
                deadLetters.forEach(d -> sb.append("    ").append(d).append('\n'));
            }
        }
        if (outcomes.contains(Outcome.TRANSACTION_SCRIPT)) {
            Quota pack = lastQuotaByType.get("sub_quota");
            line(sb, "OA package quota left", pack == null ? "not used"
                    : pack.getRemain() + " of " + pack.getTotal() + " (sub_quota, after the last image it paid)");
        }
        extras.forEach((label, value) -> line(sb, label, value));
        line(sb, "time taken", String.format("%.2f s", elapsed == null ? 0 : elapsed.toMillis() / 1000.0));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, Object value) {
        sb.append(String.format("%-25s %s%n", label, value));
    }
}
