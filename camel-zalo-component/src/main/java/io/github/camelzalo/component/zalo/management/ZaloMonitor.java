package io.github.camelzalo.component.zalo.management;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.pacing.RateLimitStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one zalo component knows of its accounts for health checks, the {@code zalo} dev console, JMX and metrics:
 * the accounts its started endpoints call (an account is listed from its first endpoint's start to its last one's
 * stop; what its calls did is kept while the component runs), whom to tell of each finished call, and whom to tell
 * of each step of a {@code zalo:events} webhook request.
 */
public final class ZaloMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloMonitor.class);

    private final Clock clock;
    private final Map<AccountKey, MonitoredAccount> accounts = new ConcurrentHashMap<>();
    private final Map<AccountKey, AccountActivity> activities = new ConcurrentHashMap<>();
    private final List<ZaloCallListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ZaloEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<MonitoredAccount>> onFirstEndpoint = new CopyOnWriteArrayList<>();
    private final List<Consumer<MonitoredAccount>> onLastEndpoint = new CopyOnWriteArrayList<>();
    private volatile boolean listenerFailed;
    private volatile boolean eventListenerFailed;

    public ZaloMonitor(Clock clock) {
        this.clock = clock;
    }

    /** An endpoint of {@code key} starts; {@code stats} gives what it sees of the account's rate limit. */
    public synchronized MonitoredAccount join(AccountKey key, Object endpoint, Supplier<RateLimitStats> stats) {
        MonitoredAccount account = accounts.computeIfAbsent(key,
                k -> new MonitoredAccount(k, activities.computeIfAbsent(k, a -> new AccountActivity(clock))));
        if (account.join(endpoint, stats)) {
            onFirstEndpoint.forEach(c -> c.accept(account));
        }
        return account;
    }

    /** That endpoint stops. */
    public synchronized void leave(AccountKey key, Object endpoint) {
        MonitoredAccount account = accounts.get(key);
        if (account != null && account.leave(endpoint)) {
            accounts.remove(key);
            onLastEndpoint.forEach(c -> c.accept(account));
        }
    }

    /** The accounts of the started endpoints, by provider and base URL. */
    public List<MonitoredAccount> getAccounts() {
        List<MonitoredAccount> all = new ArrayList<>(accounts.values());
        all.sort(Comparator.comparing(MonitoredAccount::getProvider).thenComparing(MonitoredAccount::getBaseUrl)
                .thenComparing(MonitoredAccount::getKeyDigest));
        return all;
    }

    /** Takes in a finished exchange of {@code account}: its activity, then every listener. */
    public void record(MonitoredAccount account, ZaloCallEvent event, Throwable failure) {
        if (account != null) {
            account.getActivity().record(event, failure);
        }
        for (ZaloCallListener listener : listeners) {
            try {
                listener.callFinished(event);
            } catch (RuntimeException e) {
                if (!listenerFailed) {
                    listenerFailed = true;
                    LOG.warn("A ZaloCallListener ({}) failed; its failures are ignored from now on",
                            listener.getClass().getName(), e);
                }
            }
        }
    }

    /** Tells every event listener of one step of a webhook request; never throws. */
    public void record(ZaloEventOutcome outcome) {
        for (ZaloEventListener listener : eventListeners) {
            try {
                listener.eventHandled(outcome);
            } catch (RuntimeException e) {
                if (!eventListenerFailed) {
                    eventListenerFailed = true;
                    LOG.warn("A ZaloEventListener ({}) failed; its failures are ignored from now on",
                            listener.getClass().getName(), e);
                }
            }
        }
    }

    public void addEventListener(ZaloEventListener listener) {
        eventListeners.add(listener);
    }

    public void removeEventListener(ZaloEventListener listener) {
        eventListeners.remove(listener);
    }

    public List<ZaloEventListener> getEventListeners() {
        return List.copyOf(eventListeners);
    }

    public void addListener(ZaloCallListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ZaloCallListener listener) {
        listeners.remove(listener);
    }

    public List<ZaloCallListener> getListeners() {
        return List.copyOf(listeners);
    }

    /**
     * Runs {@code first} when an account gets its first started endpoint (at once for the accounts listed now), and
     * {@code last} when its last one stops: where health checks and meters of an account come and go.
     */
    public synchronized void onAccounts(Consumer<MonitoredAccount> first, Consumer<MonitoredAccount> last) {
        onFirstEndpoint.add(first);
        onLastEndpoint.add(last);
        accounts.values().forEach(first);
    }

    /** Forgets what the calls did, e.g. when the component stops. */
    public synchronized void clear() {
        activities.clear();
        listeners.clear();
        eventListeners.clear();
        onFirstEndpoint.clear();
        onLastEndpoint.clear();
    }
}
