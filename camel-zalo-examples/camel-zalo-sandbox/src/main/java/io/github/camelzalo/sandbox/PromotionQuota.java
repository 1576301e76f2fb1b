package io.github.camelzalo.sandbox;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * How many promotion messages each user may get from an OA per day and per month, Vietnam time (Zalo publishes no
 * figure; the sandbox's defaults are 5 and 50, see {@code ZaloSandbox.Builder.promotionQuota}). Over either: -218.
 */
final class PromotionQuota {

    record Usage(int dailyRemain, int dailyTotal, int monthlyRemain, int monthlyTotal) {
    }

    private final int daily;
    private final int monthly;
    private final SandboxClock clock;
    private final Map<String, Integer> perDay = new HashMap<>();
    private final Map<String, Integer> perMonth = new HashMap<>();

    PromotionQuota(int daily, int monthly, SandboxClock clock) {
        this.daily = daily;
        this.monthly = monthly;
        this.clock = clock;
    }

    /** Takes one promotion for the user, or refuses with -218. */
    synchronized void take(String oaId, String userId) {
        LocalDate today = clock.localNow().toLocalDate();
        String day = oaId + "/" + userId + "/" + today;
        String month = oaId + "/" + userId + "/" + YearMonth.from(today);
        if (perDay.getOrDefault(day, 0) >= daily || perMonth.getOrDefault(month, 0) >= monthly) {
            throw Refusal.zalo(Refusal.Kind.NOT_ALLOWED, -218, "the user has received the most promotion messages"
                                                               + " allowed (" + daily + " a day, " + monthly
                                                               + " a month)");
        }
        perDay.merge(day, 1, Integer::sum);
        perMonth.merge(month, 1, Integer::sum);
    }

    /** Gives back a promotion taken for a message that was then refused. */
    synchronized void giveBack(String oaId, String userId) {
        LocalDate today = clock.localNow().toLocalDate();
        perDay.computeIfPresent(oaId + "/" + userId + "/" + today, (k, v) -> v - 1);
        perMonth.computeIfPresent(oaId + "/" + userId + "/" + YearMonth.from(today), (k, v) -> v - 1);
    }

    synchronized Usage usage(String oaId, String userId) {
        LocalDate today = clock.localNow().toLocalDate();
        int d = perDay.getOrDefault(oaId + "/" + userId + "/" + today, 0);
        int m = perMonth.getOrDefault(oaId + "/" + userId + "/" + YearMonth.from(today), 0);
        return new Usage(Math.max(0, daily - d), daily, Math.max(0, monthly - m), monthly);
    }
}
