package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.binding.FollowersBinding;
import io.github.camelzalo.component.zalo.binding.OaSendFileBinding;
import io.github.camelzalo.component.zalo.binding.OperationBinding;
import io.github.camelzalo.component.zalo.binding.SendImageBinding;
import io.github.camelzalo.component.zalo.binding.SendMessageBinding;
import io.github.camelzalo.component.zalo.binding.UploadBinding;
import io.github.camelzalo.component.zalo.binding.UserProfileBinding;
import io.github.camelzalo.component.zalo.binding.UserStatusBinding;
import io.github.camelzalo.component.zalo.binding.ZnsQuotaBinding;
import io.github.camelzalo.component.zalo.binding.ZnsSendBinding;
import io.github.camelzalo.component.zalo.binding.ZnsStatusBinding;
import io.github.camelzalo.component.zalo.binding.ZnsTemplateBinding;

/** The operations of the {@code zalo:} component, the path of its URI. */
public enum ZaloOperation {

    /** Is this phone number on Zalo, does it follow the OA, what may be sent to it now. */
    userStatus(new UserStatusBinding(), true, "caresoft"),
    /** Send a consultation, transaction or promotion message, as text or as a script. */
    send(new SendMessageBinding(), false, "caresoft"),
    /** Send an image consultation message (provider zalo: also a GIF or sticker, with a caption). */
    sendImage(new SendImageBinding(), false, "etelecom"),
    /** Send a file uploaded with {@link #upload} (provider zalo). */
    sendFile(new OaSendFileBinding(), false, "zalo"),
    /**
     * Upload an image, GIF or file for sendImage or sendFile (provider zalo). Safe to repeat: a second upload only
     * makes a second attachment that nobody sees unless it is sent.
     */
    upload(new UploadBinding(), true, "zalo"),
    /** A user's profile as the OA sees it (provider zalo). */
    userProfile(new UserProfileBinding(), true, "zalo"),
    /** The users of the OA, one page or all (provider zalo). */
    followers(new FollowersBinding(), true, "zalo"),
    /** Send a ZNS template message to a phone number (provider zalo). */
    sendZns(new ZnsSendBinding(), false, "zalo"),
    /** The delivery status of a ZNS message (provider zalo). */
    znsStatus(new ZnsStatusBinding(), true, "zalo"),
    /** The OA's ZNS quota today (provider zalo). */
    znsQuota(new ZnsQuotaBinding(), true, "zalo"),
    /** One ZNS template with its parameters, or the list of templates (provider zalo). */
    znsTemplate(new ZnsTemplateBinding(), true, "zalo"),
    /**
     * Receive the events Zalo POSTs to the app's webhook, verified and de-duplicated: {@code from("zalo:events")}, a
     * consumer only.
     */
    events(null, true, "zalo");

    private final OperationBinding<?, ?> binding;
    private final boolean readOnly;
    // a name, not the enum: ZaloProviderType's adapters refer to these constants while their class initialises
    private final String defaultProvider;

    ZaloOperation(OperationBinding<?, ?> binding, boolean readOnly, String defaultProvider) {
        this.binding = binding;
        this.readOnly = readOnly;
        this.defaultProvider = defaultProvider;
    }

    /** How this operation reads its request from an exchange and writes its result back; none for events. */
    OperationBinding<?, ?> binding() {
        return binding;
    }

    /** Whether repeating the operation is always safe: it only reads (or, for upload, creates nothing anyone sees). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether this is {@link #events}, the one operation that consumes. */
    public boolean isConsumer() {
        return this == events;
    }

    /** The provider used when the endpoint names none. */
    public ZaloProviderType defaultProvider() {
        return ZaloProviderType.valueOf(defaultProvider);
    }
}
