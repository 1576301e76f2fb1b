package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.binding.OperationBinding;
import io.github.camelzalo.component.zalo.binding.SendImageBinding;
import io.github.camelzalo.component.zalo.binding.SendMessageBinding;
import io.github.camelzalo.component.zalo.binding.UserStatusBinding;

/** The operations of the {@code zalo:} component, the path of its URI. */
public enum ZaloOperation {

    /** Is this phone number on Zalo, does it follow the OA, what may be sent to it now. */
    userStatus(new UserStatusBinding(), true, "caresoft"),
    /** Send a consultation, transaction or promotion message, as text or as a script. */
    send(new SendMessageBinding(), false, "caresoft"),
    /** Send an image consultation message. */
    sendImage(new SendImageBinding(), false, "etelecom");

    private final OperationBinding<?, ?> binding;
    private final boolean readOnly;
    // a name, not the enum: ZaloProviderType's adapters refer to these constants while their class initialises
    private final String defaultProvider;

    ZaloOperation(OperationBinding<?, ?> binding, boolean readOnly, String defaultProvider) {
        this.binding = binding;
        this.readOnly = readOnly;
        this.defaultProvider = defaultProvider;
    }

    /** How this operation reads its request from an exchange and writes its result back. */
    OperationBinding<?, ?> binding() {
        return binding;
    }

    /** Whether the operation only reads, so repeating it is always safe. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The provider used when the endpoint names none. */
    public ZaloProviderType defaultProvider() {
        return ZaloProviderType.valueOf(defaultProvider);
    }
}
