package io.github.camelzalo.sandbox;

/**
 * Why the sandbox did not accept a request. Each provider handler turns it into that provider's own error shape:
 * CareSoft {@code {"code":"errors","message":…}}, eTelecom Twirp {@code {"code":…,"msg":…}}.
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

    private Refusal(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, message);
    }

    static Refusal notAllowed(String message) {
        return new Refusal(Kind.NOT_ALLOWED, message);
    }

    Kind kind() {
        return kind;
    }
}
