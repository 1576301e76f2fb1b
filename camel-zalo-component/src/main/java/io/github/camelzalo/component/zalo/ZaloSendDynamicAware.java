package io.github.camelzalo.component.zalo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.annotations.SendDynamic;
import org.apache.camel.support.component.SendDynamicAwareSupport;

/**
 * Lets {@code toD("zalo:send?oaId=${header.oa}")} use one endpoint, and one producer, for every value: the options
 * that have a header of their own ({@code oaId} is {@code CamelZaloOaId}, {@code messageType} is
 * {@code CamelZaloMessageType}) leave the URI and are set as those headers for the call, which the component reads
 * exactly as it reads the options. Without this, each value would create, start and keep an endpoint of its own.
 * <p>
 * The result is the same as without it: a header the exchange already carries wins over the URI's value, as it wins
 * over an endpoint's option; and the headers set here are removed again once the call is done, so a later
 * {@code zalo:} step of the route does not inherit them. Options without a header stay in the URI.
 */
@SendDynamic(ZaloConstants.SCHEME)
public class ZaloSendDynamicAware extends SendDynamicAwareSupport {

    /** The endpoint options that have a header of the same meaning, which wins over the option. */
    static final Map<String, String> OPTION_HEADERS = Map.of(
            "oaId", ZaloConstants.OA_ID,
            "messageType", ZaloConstants.MESSAGE_TYPE);

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public DynamicAwareEntry prepare(Exchange exchange, String uri, String originalUri) throws Exception {
        Map<String, Object> properties = endpointProperties(exchange, uri);
        return new DynamicAwareEntry(uri, originalUri, properties, null);
    }

    @Override
    public String resolveStaticUri(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        Map<String, Object> properties = entry.getProperties();
        if (properties == null || OPTION_HEADERS.keySet().stream().noneMatch(properties::containsKey)) {
            // nothing to move: Camel uses the URI as it is
            return null;
        }
        Map<String, Object> rest = new LinkedHashMap<>(properties);
        OPTION_HEADERS.keySet().forEach(rest::remove);
        return rest.isEmpty() ? before(entry.getUri()) : asEndpointUri(exchange, entry.getUri(), rest);
    }

    @Override
    public Processor createPreProcessor(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        Map<String, String> toSet = headersToSet(exchange, entry);
        if (toSet.isEmpty()) {
            return null;
        }
        return e -> toSet.forEach(e.getMessage()::setHeader);
    }

    @Override
    public Processor createPostProcessor(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        List<String> set = List.copyOf(headersToSet(exchange, entry).keySet());
        if (set.isEmpty()) {
            return null;
        }
        return e -> set.forEach(e.getMessage()::removeHeader);
    }

    /** The headers the URI's options stand for, for those the exchange does not carry already. */
    private static Map<String, String> headersToSet(Exchange exchange, DynamicAwareEntry entry) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> properties = entry.getProperties();
        if (properties == null) {
            return headers;
        }
        OPTION_HEADERS.forEach((option, header) -> {
            Object value = properties.get(option);
            if (value != null && exchange.getMessage().getHeader(header) == null) {
                headers.put(header, value.toString());
            }
        });
        return headers;
    }

    private static String before(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
