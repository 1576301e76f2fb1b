package io.github.camelzalo.component.zalo.model.event;

/**
 * An OA message or a ZNS message reached the user ({@code user_received_message}). The message id is the one the
 * send returned ({@code CamelZaloMessageId}); a ZNS message also carries the {@code tracking_id} it was sent with
 * ({@code CamelZaloTrackingId}), so a route can join the receipt to its send.
 */
public class DeliveryEvent extends ZaloEvent {

    private String trackingId;

    /** The sender's own id of a ZNS message, or {@code null} for an OA message. */
    public String getTrackingId() {
        return trackingId;
    }

    public void setTrackingId(String trackingId) {
        this.trackingId = trackingId;
    }
}
