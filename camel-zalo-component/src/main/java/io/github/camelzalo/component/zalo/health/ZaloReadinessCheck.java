package io.github.camelzalo.component.zalo.health;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * What the component's checks share: an id in Camel's group, turned on and off at runtime, readiness only (nothing
 * they see is a reason to restart the JVM), and answering UNKNOWN "Disabled" when off, as Camel's own checks do.
 */
abstract class ZaloReadinessCheck implements HealthCheck {

    static final String GROUP = "camel";

    private final String id;
    private volatile boolean enabled = true;

    ZaloReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public final Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        if (!enabled) {
            return result.unknown().message("Disabled").detail(CHECK_ENABLED, false).build();
        }
        return check(result);
    }

    /** The check itself, while enabled: its state, message and details on {@code result}. */
    abstract Result check(HealthCheckResultBuilder result);

    @Override
    public String toString() {
        return id;
    }
}
