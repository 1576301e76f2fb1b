package io.github.camelzalo.component.zalo.management;

import io.github.camelzalo.component.zalo.ZaloComponent;

/**
 * Makes the {@link ZaloCallListener} of an optional module when a component starts, e.g. Micrometer meters when a
 * {@code MeterRegistry} is in the registry. Found by Camel's factory finder under
 * {@value #FACTORY_PATH}{@value #METRICS}, so that adding the module's jar is all it takes.
 */
public interface ZaloCallListenerFactory {

    String FACTORY_PATH = "META-INF/services/io/github/camelzalo/component/zalo/";
    String METRICS = "metrics";

    /**
     * The listener for {@code component}, which has just started (its accounts are listed as its endpoints
     * start, see {@link ZaloComponent#getMonitor()}); {@code null} when the module has nothing to do, e.g. no
     * {@code MeterRegistry} is in the registry. A listener that is {@link AutoCloseable} is closed when the component
     * stops (and a new one made when it starts again).
     */
    ZaloCallListener create(ZaloComponent component);
}
