package io.github.camelzalo.component.zalo.management;

/**
 * Told of every exchange a {@code zalo:} producer finishes, e.g. to count and time calls in a metrics system (see
 * the {@code camel-zalo-micrometer} module). The component uses every bean of this type in the registry, and the one
 * a {@link ZaloCallListenerFactory} makes. Called on the thread that finishes the exchange (a worker of the
 * component, or the caller's thread for bad input): it must return at once and should not throw; what it throws is
 * logged and ignored.
 */
@FunctionalInterface
public interface ZaloCallListener {

    void callFinished(ZaloCallEvent event);
}
