package io.github.camelzalo.component.zalo.model;

/** The provider's answer to {@code zalo:send}: its result code ({@code ok}) and message. */
public class SendMessageResult {

    private String code;
    private String message;

    public SendMessageResult() {
    }

    public SendMessageResult(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The provider's result code; {@code ok} on success (failures raise {@code ZaloApiException}). */
    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** The provider's message, e.g. {@code "Tạo thành công!"}. */
    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        return "SendMessageResult[code=" + code + ", message=" + message + "]";
    }
}
