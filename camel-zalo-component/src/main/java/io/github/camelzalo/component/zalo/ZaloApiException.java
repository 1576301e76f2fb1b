package io.github.camelzalo.component.zalo;

import java.time.Duration;

/**
 * The provider, or the network on the way to it, did not accept the request. Carries the HTTP status (0 when no
 * answer arrived), the provider's own error code and message, whether sending again is safe, and how long to wait
 * first when the provider said so.
 */
public class ZaloApiException extends ZaloException {

    /**
     * The longest wait {@link #getRetryAfter()} reports: 15 minutes, CareSoft's lock-out and the longest wait any
     * supported provider documents. A provider asking for more is treated as asking for this, so that a route that
     * copies the wait into its redelivery delay never parks a message for years.
     */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

    private final ZaloErrorKind kind;
    private final String provider;
    private final String operation;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final boolean retryable;
    private final boolean mayHaveBeenProcessed;
    private final Duration retryAfter;

    private ZaloApiException(Builder b) {
        super(describe(b), b.cause);
        this.kind = b.kind;
        this.provider = b.provider;
        this.operation = b.operation;
        this.httpStatus = b.httpStatus;
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.retryable = b.retryable;
        this.mayHaveBeenProcessed = b.mayHaveBeenProcessed;
        this.retryAfter = b.retryAfter;
    }

    private static String describe(Builder b) {
        StringBuilder sb = new StringBuilder("Zalo ").append(b.operation).append(" via ").append(b.provider)
                .append(" failed: ").append(b.kind);
        if (b.httpStatus > 0) {
            sb.append(", HTTP ").append(b.httpStatus);
        }
        if (b.errorCode != null) {
            sb.append(", code ").append(b.errorCode);
        }
        if (b.errorMessage != null) {
            sb.append(", message \"").append(b.errorMessage).append('"');
        }
        if (b.mayHaveBeenProcessed) {
            sb.append(", outcome unknown");
        }
        sb.append(b.retryable ? ", retryable" : ", not retryable");
        if (b.retryAfter != null) {
            sb.append(" after ").append(b.retryAfter.toMillis()).append(" ms");
        }
        return sb.toString();
    }

    public static Builder builder(ZaloErrorKind kind) {
        return new Builder(kind);
    }

    public ZaloErrorKind getKind() {
        return kind;
    }

    /** {@code caresoft} or {@code etelecom}. */
    public String getProvider() {
        return provider;
    }

    /** The operation that failed: {@code userStatus}, {@code send} or {@code sendImage}. */
    public String getOperation() {
        return operation;
    }

    /** The HTTP status of the answer, or 0 when there was none (connection refused, timeout, reset). */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The provider's error code: CareSoft's {@code code} (e.g. {@code errors}), eTelecom's Twirp {@code code}. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The provider's error text: CareSoft's {@code message}, eTelecom's {@code msg}; or a description of the failure. */
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Whether the provider may have acted on the request although the call failed: the request reached it and no
     * clear refusal came back (a timeout or broken connection after it was sent, HTTP 500/502/504, an answer that
     * could not be read). Sending such a request again may deliver the same message twice; {@link #isRetryable()}
     * is then {@code false} unless the operation only reads or the endpoint sets {@code retryUnknownOutcome}.
     */
    public boolean mayHaveBeenProcessed() {
        return mayHaveBeenProcessed;
    }

    /**
     * How long the provider asked to wait before trying again, at most {@link #MAX_RETRY_AFTER}, or {@code null}
     * when it did not say.
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    public static final class Builder {
        private final ZaloErrorKind kind;
        private String provider;
        private String operation;
        private int httpStatus;
        private String errorCode;
        private String errorMessage;
        private boolean retryable;
        private boolean mayHaveBeenProcessed;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(ZaloErrorKind kind) {
            this.kind = kind;
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        public Builder httpStatus(int httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        public Builder mayHaveBeenProcessed(boolean mayHaveBeenProcessed) {
            this.mayHaveBeenProcessed = mayHaveBeenProcessed;
            return this;
        }

        /** The provider's wait; a negative one counts as none, a longer one than {@link #MAX_RETRY_AFTER} as that. */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter == null ? null
                    : retryAfter.isNegative() ? Duration.ZERO
                    : retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public ZaloApiException build() {
            return new ZaloApiException(this);
        }
    }
}
