package io.github.camelzalo.sandbox;

/**
 * Why the sandbox did not accept a request. Each provider handler turns it into that provider's own error shape:
 * CareSoft {@code {"code":"errors","message":…}}, eTelecom Twirp {@code {"code":…,"msg":…}}, the official Zalo API
 * {@code {"error":<zaloCode>,"message":…}}. A refusal that stands for one of Zalo's own error codes carries it: the
 * resellers relay it in their text ({@code "Zalo error -230: …"}), the official API answers it as the number.
 */
final class Refusal extends RuntimeException {

    enum Kind {
        /** The request is malformed: a field is missing, doubled, of the wrong type or too long. */
        INVALID,
        /** Well-formed, but names something that does not exist: a customer, a script, an OA. */
        NOT_FOUND,
        /** Zalo's rules forbid this message now: no recent interaction, not a follower, out of quota. */
        NOT_ALLOWED
    }

    private final Kind kind;
    private final int zaloCode;
    private final String detail;

    private Refusal(Kind kind, int zaloCode, String detail) {
        super(zaloCode == 0 ? detail : "Zalo error " + zaloCode + ": " + detail, null, false, false);
        this.kind = kind;
        this.zaloCode = zaloCode;
        this.detail = detail;
    }

    static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, 0, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, 0, message);
    }

    static Refusal notAllowed(String message) {
        return new Refusal(Kind.NOT_ALLOWED, 0, message);
    }

    /** A refusal Zalo answers with {@code code}; the message reads {@code "Zalo error <code>: <detail>"}. */
    static Refusal zalo(Kind kind, int code, String detail) {
        return new Refusal(kind, code, detail);
    }

    Kind kind() {
        return kind;
    }

    /** Zalo's error code, or 0 when the refusal is the sandbox's or a reseller's own. */
    int zaloCode() {
        return zaloCode;
    }

    /** The message without the {@code "Zalo error <code>: "} prefix: what Zalo's own {@code message} says. */
    String detail() {
        return detail;
    }
}
