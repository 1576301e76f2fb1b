package io.github.camelzalo.component.zalo.events;

/** When {@code zalo:events} answers Zalo's POST. */
public enum EventAckMode {

    /**
     * The answer waits for the route: 200 when it succeeded, 500 when it failed (Zalo then sends the event again and
     * it is processed again). A route still running at {@code ackTimeout} gets its 200 then and goes on; if it fails
     * after that, Zalo does not send the event again: the route's error handler is all that sees it.
     */
    afterRoute,

    /**
     * 200 as soon as the event is verified and queued; the route runs afterwards on the consumer's bounded pool. A full
     * queue answers 503, and Zalo sends the event again later. A route that fails has only its error handler.
     */
    immediate
}
