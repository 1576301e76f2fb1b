package io.github.camelzalo.component.zalo.management;

/**
 * Told of every request a {@code zalo:events} webhook path ends, e.g. to count them in a metrics system (see the
 * {@code camel-zalo-micrometer} module), and of the end of each accepted event's route. The component uses every bean
 * of this type in the registry, and the one a {@link ZaloCallListenerFactory} makes when it is one. Called on the
 * thread that answers the request or ends the route: it must return at once and should not throw; what it throws is
 * logged once and ignored.
 */
@FunctionalInterface
public interface ZaloEventListener {

    void eventHandled(ZaloEventOutcome outcome);
}
