package io.github.camelzalo.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every customer's conversation with the OAs, in the order things happened: the OA messages of every provider,
 * the customer's own messages, and when each OA message was delivered and seen. Thread-safe; reads are copies.
 */
public final class Conversations {

    private static final class Entry {
        final String phone;
        final ConversationEntry base;
        Instant delivered;
        Instant seen;

        Entry(String phone, ConversationEntry base) {
            this.phone = phone;
            this.base = base;
        }

        ConversationEntry snapshot() {
            return base.withReceipts(delivered, seen);
        }
    }

    private final Map<String, List<Entry>> byPhone = new LinkedHashMap<>();
    private final Map<String, Entry> byMsgId = new HashMap<>();

    synchronized void add(String phone, ConversationEntry entry) {
        Entry e = new Entry(phone, entry);
        byPhone.computeIfAbsent(phone, p -> new ArrayList<>()).add(e);
        byMsgId.put(entry.msgId(), e);
    }

    /** The conversation with one customer, by phone number in any written form; empty when there is none. */
    public synchronized List<ConversationEntry> of(String phone) {
        List<Entry> entries = byPhone.get(PhoneNumbers.toNational(phone));
        return entries == null ? List.of() : entries.stream().map(Entry::snapshot).toList();
    }

    /** The phone numbers of every customer with a conversation, in the order their conversations began. */
    public synchronized List<String> phones() {
        return new ArrayList<>(byPhone.keySet());
    }

    /** The message with this id, in any conversation. */
    public synchronized Optional<ConversationEntry> message(String msgId) {
        Entry e = byMsgId.get(msgId);
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    /** Whether the message is in this customer's conversation (a quoted message must be). */
    synchronized boolean contains(String phone, String msgId) {
        Entry e = byMsgId.get(msgId);
        return e != null && e.phone.equals(phone);
    }

    synchronized void markDelivered(String msgId, Instant time) {
        Entry e = byMsgId.get(msgId);
        if (e != null && e.delivered == null) {
            e.delivered = time;
        }
    }

    /** Marks the messages seen; returns the ids that were not seen before. */
    synchronized List<String> markSeen(List<String> msgIds, Instant time) {
        List<String> newlySeen = new ArrayList<>();
        for (String id : msgIds) {
            Entry e = byMsgId.get(id);
            if (e != null && e.seen == null && e.base.direction() == ConversationEntry.Direction.FROM_OA) {
                e.seen = time;
                if (e.delivered == null) {
                    e.delivered = time;
                }
                newlySeen.add(id);
            }
        }
        return newlySeen;
    }

    /** The ids of the OA's messages to this customer that the customer has not seen yet, oldest first. */
    synchronized List<String> unseen(String phone, String oaId) {
        List<Entry> entries = byPhone.getOrDefault(phone, List.of());
        return entries.stream().filter(e -> e.base.direction() == ConversationEntry.Direction.FROM_OA)
                .filter(e -> e.base.oaId().equals(oaId)).filter(e -> e.seen == null).map(e -> e.base.msgId())
                .toList();
    }

    public synchronized void clear() {
        byPhone.clear();
        byMsgId.clear();
    }
}
