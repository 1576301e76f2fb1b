package io.github.camelzalo.component.zalo.pacing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pacers of the JVM, one per provider account, so that every endpoint of every CamelContext that calls the
 * same account shares one rate limit: the provider counts per account, not per endpoint. Endpoints lease a pacer
 * when they start and release it when they stop; a pacer nobody leases is dropped, so stopped contexts leave
 * nothing behind.
 * <p>
 * The pacers share one timer thread, which exists only while some pacer is leased. It is the JVM's rather than
 * a CamelContext's because a pacer may outlive the context that created it.
 */
public final class PacerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PacerRegistry.class);
    private static final PacerRegistry JVM = new PacerRegistry(System::nanoTime);

    private final LongSupplier clock;
    private final Map<AccountKey, Entry> pacers = new HashMap<>();
    /** The pacers' one timer thread, which exists only while some pacer is leased. */
    private final PacingTimer timer = new PacingTimer("ZaloPacer");

    PacerRegistry(LongSupplier clock) {
        this.clock = clock;
    }

    /** The registry of this JVM. */
    public static PacerRegistry jvm() {
        return JVM;
    }

    /**
     * The pacer of {@code account}, created on first use with {@code ratePerSecond}. When users of one account
     * ask for different rates, the lowest applies: it is the safest guess of the provider's limit.
     */
    public synchronized Lease lease(AccountKey account, double ratePerSecond) {
        Entry entry = pacers.get(account);
        if (entry == null) {
            entry = new Entry(new AccountPacer(account, ratePerSecond, timer.get(), clock));
            pacers.put(account, entry);
        } else if (ratePerSecond != entry.pacer.getConfiguredRate()) {
            LOG.info("The rate limit of {} is set to both {}/s and {}/s; the lower applies", account,
                    entry.pacer.getConfiguredRate(), ratePerSecond);
            entry.pacer.limitTo(ratePerSecond);
        }
        entry.leases++;
        return new Lease(account, entry.pacer);
    }

    /** The pacer of {@code account} while someone leases it, else {@code null}. */
    public synchronized AccountPacer find(AccountKey account) {
        Entry entry = pacers.get(account);
        return entry == null ? null : entry.pacer;
    }

    private void release(AccountKey account) {
        ScheduledExecutorService stopped = null;
        synchronized (this) {
            Entry entry = pacers.get(account);
            if (entry != null && --entry.leases == 0) {
                pacers.remove(account);
                entry.pacer.close();
                if (pacers.isEmpty()) {
                    stopped = timer.stop();
                }
            }
        }
        timer.awaitStopped(stopped);
    }

    /** One user's hold on a pacer. */
    public final class Lease {
        private final AccountKey account;
        private final AccountPacer pacer;
        private boolean released;

        private Lease(AccountKey account, AccountPacer pacer) {
            this.account = account;
            this.pacer = pacer;
        }

        public AccountPacer pacer() {
            return pacer;
        }

        /** Abandons the calls {@code owner} still has waiting, then lets go of the pacer. Idempotent. */
        public void release(Object owner, Exception cause) {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            pacer.abandon(owner, cause);
            PacerRegistry.this.release(account);
        }
    }

    private static final class Entry {
        final AccountPacer pacer;
        int leases;

        Entry(AccountPacer pacer) {
            this.pacer = pacer;
        }
    }
}
