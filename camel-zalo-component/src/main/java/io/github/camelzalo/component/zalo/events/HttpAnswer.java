package io.github.camelzalo.component.zalo.events;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes the answer to Zalo on the HTTP exchange of the runtime's server: a status and a short plain text. The
 * request's headers are removed first, so that none of them (the signature included) is echoed back.
 */
final class HttpAnswer {

    private HttpAnswer() {
    }

    static void write(Exchange http, int status, String text) {
        Message m = http.getMessage();
        m.getHeaders().clear();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (status == 405) {
            m.setHeader("Allow", "POST");
        } else if (status == 503) {
            m.setHeader("Retry-After", "1");
        }
        m.setBody(text);
    }
}
