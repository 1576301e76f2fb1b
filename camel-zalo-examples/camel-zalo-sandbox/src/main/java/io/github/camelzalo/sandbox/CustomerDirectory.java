package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The customers the sandbox knows, keyed by phone number (any written form is accepted) and findable by CareSoft
 * contact id and Zalo id. Edit it while the sandbox runs to set up a scenario: a user writing to the OA
 * ({@link #recordUserMessage(String)}), unfollowing ({@link #setFollowing(String, boolean)}), a new customer
 * ({@link #put(Customer)}). Thread-safe; sends see every change at once.
 */
public final class CustomerDirectory {

    private final SandboxClock clock;
    private final Map<String, Customer> byPhone = new LinkedHashMap<>();
    private final Map<String, String> phoneByContactId = new HashMap<>();
    private final Map<String, String> phoneByZaloId = new HashMap<>();

    CustomerDirectory(SandboxClock clock) {
        this.clock = clock;
    }

    /**
     * Adds a customer, or replaces the one with the same phone number.
     *
     * @throws IllegalArgumentException when another customer already has its contact id or Zalo id
     */
    public synchronized void put(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        String owner = phoneByContactId.get(customer.contactId());
        if (owner != null && !owner.equals(customer.phone())) {
            throw new IllegalArgumentException("Contact id " + customer.contactId() + " already belongs to "
                                               + PhoneNumbers.mask(owner));
        }
        owner = customer.zaloId() == null ? null : phoneByZaloId.get(customer.zaloId());
        if (owner != null && !owner.equals(customer.phone())) {
            throw new IllegalArgumentException("Zalo id " + customer.zaloId() + " already belongs to "
                                               + PhoneNumbers.mask(owner));
        }
        Customer old = byPhone.put(customer.phone(), customer);
        if (old != null) {
            phoneByContactId.remove(old.contactId());
            if (old.zaloId() != null) {
                phoneByZaloId.remove(old.zaloId());
            }
        }
        phoneByContactId.put(customer.contactId(), customer.phone());
        if (customer.zaloId() != null) {
            phoneByZaloId.put(customer.zaloId(), customer.phone());
        }
    }

    public synchronized void putAll(Collection<Customer> customers) {
        customers.forEach(this::put);
    }

    /** Adds the customers of a CSV file (see {@link CustomerFile} for the format). */
    public void load(Path csv) throws IOException {
        putAll(CustomerFile.read(csv, clock.now()));
    }

    /** The customer with this phone number, written as {@code 0…}, {@code 84…} or {@code +84…}. */
    public synchronized Optional<Customer> find(String phone) {
        String national = PhoneNumbers.toNational(phone);
        return national == null ? Optional.empty() : Optional.ofNullable(byPhone.get(national));
    }

    /** The customer with this CareSoft contact id. */
    public synchronized Optional<Customer> findByContactId(String contactId) {
        String phone = phoneByContactId.get(contactId);
        return phone == null ? Optional.empty() : Optional.of(byPhone.get(phone));
    }

    /** The customer with this Zalo user id. */
    public synchronized Optional<Customer> findByZaloId(String zaloId) {
        String phone = phoneByZaloId.get(zaloId);
        return phone == null ? Optional.empty() : Optional.of(byPhone.get(phone));
    }

    /** A copy of every customer, in the order they were added. */
    public synchronized List<Customer> all() {
        return new ArrayList<>(byPhone.values());
    }

    public synchronized int size() {
        return byPhone.size();
    }

    public synchronized boolean remove(String phone) {
        String national = PhoneNumbers.toNational(phone);
        Customer old = national == null ? null : byPhone.remove(national);
        if (old == null) {
            return false;
        }
        phoneByContactId.remove(old.contactId());
        if (old.zaloId() != null) {
            phoneByZaloId.remove(old.zaloId());
        }
        return true;
    }

    public synchronized void clear() {
        byPhone.clear();
        phoneByContactId.clear();
        phoneByZaloId.clear();
    }

    /**
     * Replaces a customer by {@code change(customer)}; the phone number, contact id and Zalo id may change too. The
     * customer keeps its place in the directory's order unless its phone number changes.
     *
     * @return the new state
     * @throws IllegalArgumentException when there is no customer with this phone number
     */
    public synchronized Customer update(String phone, UnaryOperator<Customer> change) {
        Customer current = find(phone).orElseThrow(() -> new IllegalArgumentException(
                "No customer with phone number " + PhoneNumbers.mask(phone)));
        Customer next = Objects.requireNonNull(change.apply(current), "the changed customer");
        if (next.phone().equals(current.phone())) {
            put(next); // in place: the customer keeps its position in the directory
            return next;
        }
        remove(current.phone());
        try {
            put(next);
        } catch (IllegalArgumentException e) {
            put(current);
            throw e;
        }
        return next;
    }

    /**
     * The user wrote to the OA now (by the sandbox clock): the 7-day window and the 48-hour free replies restart.
     */
    public Customer recordUserMessage(String phone) {
        return recordUserMessage(phone, clock.now());
    }

    /** The user wrote to the OA at {@code time}. */
    public Customer recordUserMessage(String phone, Instant time) {
        return update(phone, c -> c.withUserMessageAt(time));
    }

    /** The user followed or unfollowed the OA. */
    public Customer setFollowing(String phone, boolean following) {
        return update(phone, c -> c.withFollowing(following));
    }
}
