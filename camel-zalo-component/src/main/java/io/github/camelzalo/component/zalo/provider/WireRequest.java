package io.github.camelzalo.component.zalo.provider;

import java.util.Objects;

/**
 * One operation's request as its provider takes it, before the account's base URL and credentials are added:
 * which of the provider's APIs, the method, the path with its query, the body and its content type.
 *
 * @param api         which base URL the path is appended to
 * @param method      {@code GET} or {@code POST}
 * @param pathAndQuery appended to the base URL, query parameters already encoded
 * @param contentType the body's type, or {@code null} for a body-less GET
 * @param body        the body, empty for a GET
 */
public record WireRequest(Api api, String method, String pathAndQuery, String contentType, byte[] body) {

    /** The base URL a request goes to. CareSoft and eTelecom have one; the official Zalo API has two. */
    public enum Api {
        /** The account's own base URL (CareSoft, eTelecom). */
        ACCOUNT,
        /** The official API's {@code openApiBaseUrl} (OA messages, upload, users). */
        OPEN_API,
        /** The official API's {@code businessBaseUrl} (ZNS). */
        BUSINESS
    }

    public static final String JSON = "application/json";
    private static final byte[] NO_BODY = new byte[0];

    public WireRequest {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        body = body == null ? NO_BODY : body;
    }

    public static WireRequest postJson(Api api, String path, byte[] json) {
        return new WireRequest(api, "POST", path, JSON, json);
    }

    public static WireRequest get(Api api, String pathAndQuery) {
        return new WireRequest(api, "GET", pathAndQuery, null, NO_BODY);
    }

    @Override
    public String toString() {
        // never the body: it carries the customer's message
        return "WireRequest[" + method + " " + api + pathAndQuery + ", " + body.length + " bytes]";
    }
}
