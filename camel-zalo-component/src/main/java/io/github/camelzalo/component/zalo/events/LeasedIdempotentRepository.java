package io.github.camelzalo.component.zalo.events;

import org.apache.camel.spi.IdempotentRepository;

/**
 * An {@link IdempotentRepository} shared by several instances that tells a key taken by a route still in flight from
 * a key whose route succeeded. {@link #add} takes a key as a <em>lease</em> that ends on its own after a short time, so
 * that the key of an instance that dies mid-route (and so never calls {@link #remove} or {@link #confirm}) becomes new
 * again before the sender's retries end; {@link #confirm} turns the lease into the repository's full expiry.
 * <p>
 * {@code zalo:events} answers a delivery whose key {@link #add} refused 200 (a duplicate) only when the key is
 * {@link #isConfirmed confirmed}; while it is only leased, the event may yet be lost with its instance, so the delivery
 * is answered 503 and Zalo sends it again later. A repository without this interface (Camel's own, the in-memory
 * default) keeps a key from {@code add} on, and every refused {@code add} is answered as a duplicate: safe in one JVM,
 * whose keys die with it.
 */
public interface LeasedIdempotentRepository extends IdempotentRepository {

    /**
     * Whether the key was {@link #confirm confirmed} (its route succeeded) and has not expired since; {@code false}
     * when it is only leased, or not there.
     *
     * @throws RuntimeException when the shared store cannot be reached
     */
    boolean isConfirmed(String key);
}
