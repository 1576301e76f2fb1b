package io.github.camelzalo.component.zalo.provider.zalo;

import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloErrorKind;

/**
 * What the official API's negative {@code error} codes mean, per API: the OA API and ZNS number their errors
 * apart (-100 is an expired attachment for the one, "try again later" for the other). A code not listed keeps its
 * code and message and counts as {@link ZaloErrorKind#REJECTED}.
 */
final class ZaloErrorCodes {

    static final Map<Integer, ZaloErrorKind> OA = Map.ofEntries(
            Map.entry(-32, ZaloErrorKind.RATE_LIMITED),
            Map.entry(-100, ZaloErrorKind.REJECTED),
            Map.entry(-200, ZaloErrorKind.REJECTED),
            Map.entry(-201, ZaloErrorKind.REJECTED),
            Map.entry(-204, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-205, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-209, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-210, ZaloErrorKind.REJECTED),
            Map.entry(-211, ZaloErrorKind.QUOTA_EXHAUSTED),
            Map.entry(-212, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-213, ZaloErrorKind.NOT_FOLLOWER),
            Map.entry(-216, ZaloErrorKind.TOKEN_INVALID),
            Map.entry(-217, ZaloErrorKind.USER_UNREACHABLE),
            Map.entry(-218, ZaloErrorKind.QUOTA_EXHAUSTED),
            Map.entry(-220, ZaloErrorKind.TOKEN_INVALID),
            Map.entry(-221, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-223, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-224, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-227, ZaloErrorKind.USER_UNREACHABLE),
            Map.entry(-230, ZaloErrorKind.OUTSIDE_WINDOW),
            Map.entry(-232, ZaloErrorKind.OUTSIDE_WINDOW),
            Map.entry(-233, ZaloErrorKind.REJECTED),
            Map.entry(-234, ZaloErrorKind.REJECTED),
            Map.entry(-240, ZaloErrorKind.REJECTED),
            Map.entry(-244, ZaloErrorKind.USER_UNREACHABLE),
            Map.entry(-248, ZaloErrorKind.REJECTED));

    static final Map<Integer, ZaloErrorKind> ZNS = Map.ofEntries(
            Map.entry(-32, ZaloErrorKind.RATE_LIMITED),
            Map.entry(-100, ZaloErrorKind.UNAVAILABLE),
            Map.entry(-101, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-102, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-103, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-104, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-105, ZaloErrorKind.UNAUTHORIZED),
            Map.entry(-106, ZaloErrorKind.REJECTED),
            Map.entry(-107, ZaloErrorKind.REJECTED),
            Map.entry(-108, ZaloErrorKind.REJECTED),
            Map.entry(-109, ZaloErrorKind.REJECTED),
            Map.entry(-110, ZaloErrorKind.USER_UNREACHABLE),
            Map.entry(-111, ZaloErrorKind.REJECTED),
            Map.entry(-112, ZaloErrorKind.REJECTED),
            Map.entry(-115, ZaloErrorKind.QUOTA_EXHAUSTED),
            Map.entry(-117, ZaloErrorKind.REJECTED),
            Map.entry(-118, ZaloErrorKind.USER_UNREACHABLE),
            Map.entry(-124, ZaloErrorKind.TOKEN_INVALID),
            Map.entry(-126, ZaloErrorKind.QUOTA_EXHAUSTED),
            Map.entry(-127, ZaloErrorKind.REJECTED),
            Map.entry(-139, ZaloErrorKind.USER_UNREACHABLE),
            Map.entry(-141, ZaloErrorKind.USER_UNREACHABLE));

    private ZaloErrorCodes() {
    }
}
