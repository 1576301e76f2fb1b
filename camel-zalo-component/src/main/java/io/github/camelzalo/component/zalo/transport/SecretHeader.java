package io.github.camelzalo.component.zalo.transport;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A request header whose value is a secret. HttpClient writes the real value on the wire but logs headers through
 * {@code toString()} at DEBUG (logger {@code org.apache.hc.client5.http.headers}); this one logs only its name.
 */
final class SecretHeader extends BasicHeader {

    SecretHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": ******";
    }
}
