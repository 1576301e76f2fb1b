package io.github.camelzalo.component.zalo;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelzalo.component.zalo.provider.ZaloProvider;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftProvider;
import io.github.camelzalo.component.zalo.provider.etelecom.ETelecomProvider;
import io.github.camelzalo.component.zalo.provider.zalo.ZaloOaProvider;

/** The providers the {@code provider} option can name. */
public enum ZaloProviderType {

    caresoft(new CareSoftProvider()),
    etelecom(new ETelecomProvider()),
    zalo(new ZaloOaProvider());

    private final ZaloProvider adapter;

    ZaloProviderType(ZaloProvider adapter) {
        this.adapter = adapter;
    }

    /** The adapter that speaks this provider's wire format; internal to the component. */
    ZaloProvider adapter() {
        return adapter;
    }

    /** The providers that offer an operation, for error messages. */
    static String offering(ZaloOperation operation) {
        return Arrays.stream(values()).filter(p -> p.adapter.supports(operation)).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
