package io.github.camelzalo.component.zalo.pacing;

/** A call waiting for its permit. Called once: with the permit, or because the wait was given up. */
public interface PermitCallback {

    /**
     * The call may go now. Runs on the caller's thread when a permit is free at once, else on the pacing timer,
     * so it must not block.
     *
     * @param permit identifies the permit; hand it back to {@link AccountPacer#rateLimited} or
     *               {@link AccountPacer#answered} with the call's answer
     */
    void onPermit(long permit);

    /** The owner of the call stopped before a permit was granted. */
    void onAbandoned(Exception cause);
}
