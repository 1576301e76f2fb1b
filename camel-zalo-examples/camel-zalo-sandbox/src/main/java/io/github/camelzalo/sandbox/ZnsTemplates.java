package io.github.camelzalo.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's ZNS templates, and each OA's ZNS daily quota (Vietnam days on the sandbox clock). A template's status
 * can change while the sandbox runs, e.g. to show a send to a template that was just disabled. Thread-safe.
 */
public final class ZnsTemplates {

    private final Map<String, ZnsTemplate> templates = new LinkedHashMap<>();
    private final SandboxClock clock;
    private final int dailyQuota;
    private final Map<String, Integer> usedToday = new HashMap<>();
    private LocalDate day;

    ZnsTemplates(List<ZnsTemplate> templates, int dailyQuota, SandboxClock clock) {
        templates.forEach(t -> this.templates.put(t.templateId(), t));
        this.dailyQuota = dailyQuota;
        this.clock = clock;
    }

    public synchronized List<ZnsTemplate> all() {
        return new ArrayList<>(templates.values());
    }

    public synchronized Optional<ZnsTemplate> find(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    /** Changes a template's status ({@code ENABLE}, {@code PENDING_REVIEW}, {@code REJECT}, {@code DISABLE}). */
    public synchronized void setStatus(String templateId, String status) {
        ZnsTemplate t = templates.get(templateId);
        if (t == null) {
            throw new IllegalArgumentException("No ZNS template " + templateId);
        }
        templates.put(templateId, t.withStatus(status));
    }

    /** ZNS messages an OA may send per day. */
    public int dailyQuota() {
        return dailyQuota;
    }

    /** What the OA has left today. */
    public synchronized int remainingQuota(String oaId) {
        rollDay();
        return Math.max(0, dailyQuota - usedToday.getOrDefault(oaId, 0));
    }

    /** Takes one message of today's quota; {@code false} when none is left. */
    synchronized boolean take(String oaId) {
        rollDay();
        int used = usedToday.getOrDefault(oaId, 0);
        if (used >= dailyQuota) {
            return false;
        }
        usedToday.put(oaId, used + 1);
        return true;
    }

    synchronized void giveBack(String oaId) {
        usedToday.computeIfPresent(oaId, (k, v) -> Math.max(0, v - 1));
    }

    private void rollDay() {
        LocalDate today = clock.localNow().toLocalDate();
        if (!today.equals(day)) {
            day = today;
            usedToday.clear();
        }
    }
}
