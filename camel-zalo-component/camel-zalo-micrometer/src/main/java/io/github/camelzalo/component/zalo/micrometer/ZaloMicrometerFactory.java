package io.github.camelzalo.component.zalo.micrometer;

import java.util.Set;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.management.ZaloCallListener;
import io.github.camelzalo.component.zalo.management.ZaloCallListenerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Found by the zalo component when it starts (this jar's {@code META-INF/services/.../metrics}): makes the
 * component's {@link ZaloMeters} (its calls and its {@code zalo:events} requests) in the {@link MeterRegistry} of the
 * Camel registry, or nothing when there is none.
 * With several, the composite one (Spring Boot's, when it has more than one registry) is used.
 */
public final class ZaloMicrometerFactory implements ZaloCallListenerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloMicrometerFactory.class);

    @Override
    public ZaloCallListener create(ZaloComponent component) {
        MeterRegistry registry = meterRegistry(component.getCamelContext().getRegistry());
        if (registry == null) {
            LOG.debug("No MeterRegistry in the registry: the zalo component records no meters");
            return null;
        }
        return new ZaloMeters(component, registry);
    }

    static MeterRegistry meterRegistry(Registry registry) {
        Set<MeterRegistry> all = registry.findByType(MeterRegistry.class);
        if (all.size() <= 1) {
            return all.isEmpty() ? null : all.iterator().next();
        }
        for (MeterRegistry r : all) {
            if (r instanceof CompositeMeterRegistry) {
                return r;
            }
        }
        MeterRegistry first = all.iterator().next();
        LOG.warn("{} MeterRegistry beans and none a composite: the zalo component records its meters in {}",
                all.size(), first.getClass().getName());
        return first;
    }
}
