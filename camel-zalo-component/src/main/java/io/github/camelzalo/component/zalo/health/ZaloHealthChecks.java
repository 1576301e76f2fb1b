package io.github.camelzalo.component.zalo.health;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import io.github.camelzalo.component.zalo.management.MonitoredAccount;
import io.github.camelzalo.component.zalo.pacing.AccountKey;
import io.github.camelzalo.component.zalo.ZaloEndpoint;
import io.github.camelzalo.component.zalo.events.ZaloEventsStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Puts a readiness check per provider account of a component into Camel's {@code producers} health-check repository,
 * as Camel's own producer checks are registered (camel-aws2-sns): from the start of the account's first endpoint to
 * the stop of its last. Camel runs producer checks only when {@code camel.health.producersEnabled=true}; the
 * component's {@code healthCheckProducerEnabled=false} turns these off alone.
 */
public final class ZaloHealthChecks {

    private final ZaloComponent component;
    private final Supplier<String> componentName;
    private final WritableHealthCheckRepository repository;
    private final Map<AccountKey, ZaloAccountHealthCheck> checks = new ConcurrentHashMap<>();

    private ZaloHealthChecks(ZaloComponent component, Supplier<String> componentName,
                             WritableHealthCheckRepository repository) {
        this.component = component;
        this.componentName = componentName;
        this.repository = repository;
    }

    /**
     * Registers the checks of {@code component}'s accounts as they come and go, or does nothing (returns
     * {@code null}) when the CamelContext has no health-check registry (camel-health is not on the class path).
     *
     * @param componentName the name the component is registered under (known once it is registered, after it
     *                      started), which the checks' ids carry unless it is {@code zalo}
     */
    public static ZaloHealthChecks install(ZaloComponent component, Supplier<String> componentName) {
        CamelContext context = component.getCamelContext();
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        ZaloHealthChecks installed = new ZaloHealthChecks(component, componentName, repository);
        component.getMonitor().onAccounts(installed::added, installed::removed);
        return installed;
    }

    /**
     * {@code producer:zalo-caresoft-api.caresoft.vn-1a2b3c4d}: provider, the base URL's host and the key's digest,
     * and the component's name when it is not zalo.
     */
    static String idOf(String componentName, MonitoredAccount account) {
        return "producer:zalo-" + account.getProvider() + "-" + account.getId()
               + ("zalo".equals(componentName) || componentName == null ? "" : "-" + componentName);
    }

    private void added(MonitoredAccount account) {
        Supplier<List<TokenStatus>> tokens = "zalo".equals(account.getProvider()) ? component::tokenStatuses
                : List::of;
        String id = idOf(componentName.get(), account);
        // one tenant's key is not another's, but should two accounts differ by the path alone, each keeps its check
        for (int n = 2; isTaken(id, account); n++) {
            id = idOf(componentName.get(), account) + "-" + n;
        }
        ZaloAccountHealthCheck check = new ZaloAccountHealthCheck(id, account, tokens, Clock.systemUTC());
        check.setEnabled(component.isHealthCheckProducerEnabled());
        ZaloAccountHealthCheck previous = checks.put(account.getKey(), check);
        if (previous != null) {
            repository.removeHealthCheck(previous);
        }
        repository.addHealthCheck(check);
    }

    private boolean isTaken(String id, MonitoredAccount account) {
        return checks.entrySet().stream().anyMatch(e -> !e.getKey().equals(account.getKey())
                                                        && e.getValue().getId().equals(id));
    }

    private void removed(MonitoredAccount account) {
        ZaloAccountHealthCheck check = checks.remove(account.getKey());
        if (check != null) {
            repository.removeHealthCheck(check);
        }
    }

    /**
     * The readiness check of a {@code zalo:events} consumer, which the consumer holds (Camel's {@code consumers}
     * repository shows it as {@code consumer:<routeId>}, as camel-kafka's consumers do); {@code null} when camel-health
     * is not on the class path or the component's {@code healthCheckConsumerEnabled} is false. Camel's
     * {@code camel.health.consumersEnabled=false} turns every consumer check off.
     */
    public static HealthCheck forEvents(ZaloEventsStats consumer, Endpoint endpoint) {
        CamelContext context = endpoint.getCamelContext();
        if (HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class) == null) {
            return null;
        }
        if (endpoint.getComponent() instanceof HealthCheckComponent c && !c.isHealthCheckConsumerEnabled()) {
            return null;
        }
        String ackMode = endpoint instanceof ZaloEndpoint zalo ? zalo.getEventsConfiguration().getAckMode().name()
                : null;
        return new ZaloEventsHealthCheck("zalo-events:" + consumer.getWebhookPath(), consumer, ackMode,
                Clock.systemUTC());
    }

    /** Takes every check of the component out of the repository, e.g. when it stops. */
    public void uninstall() {
        checks.values().forEach(repository::removeHealthCheck);
        checks.clear();
    }
}
