package io.github.camelzalo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every message the sandbox accepted, in the order it accepted them. Also served as JSON at
 * {@code GET /sandbox/outbox}. Thread-safe.
 */
public final class Outbox {

    private final List<OutboxMessage> messages = new ArrayList<>();

    synchronized void add(OutboxMessage m) {
        messages.add(m);
    }

    /** A copy of all messages. */
    public synchronized List<OutboxMessage> messages() {
        return new ArrayList<>(messages);
    }

    /** The messages to one customer, by phone number in any written form. */
    public synchronized List<OutboxMessage> messagesTo(String phone) {
        String national = PhoneNumbers.toNational(phone);
        return messages.stream().filter(m -> m.phone().equals(national)).toList();
    }

    /** How many messages each quota paid for: {@code reply}, {@code sub_quota}, {@code none}. */
    public synchronized Map<String, Long> countByQuota() {
        Map<String, Long> counts = new TreeMap<>();
        messages.forEach(m -> counts.merge(m.quotaType(), 1L, Long::sum));
        return counts;
    }

    public synchronized int size() {
        return messages.size();
    }

    public synchronized void clear() {
        messages.clear();
    }
}
