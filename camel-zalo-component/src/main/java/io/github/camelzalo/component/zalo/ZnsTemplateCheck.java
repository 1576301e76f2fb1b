package io.github.camelzalo.component.zalo;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import io.github.camelzalo.component.zalo.model.ZnsRequest;
import io.github.camelzalo.component.zalo.model.ZnsTemplate;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * {@code validateTemplateData}: checks a ZNS message's data against its template's parameters (names, required,
 * lengths) before it is sent. Each template's description is read once with {@code zalo:znsTemplate} (so with the
 * OA's token, paced like every call) and kept for {@link #KEEP}; calls that need the same one meanwhile wait for
 * that read.
 */
final class ZnsTemplateCheck extends ServiceSupport {

    static final Duration KEEP = Duration.ofMinutes(10);

    private final ZaloComponent component;
    private final ConcurrentMap<String, Cached> templates = new ConcurrentHashMap<>();
    private ZaloEndpoint endpoint;
    private AsyncProducer producer;

    ZnsTemplateCheck(ZaloComponent component) {
        this.component = component;
    }

    @Override
    protected void doStart() throws Exception {
        endpoint = (ZaloEndpoint) component.createEndpoint(ZaloConstants.SCHEME + ":znsTemplate");
        ServiceHelper.startService(endpoint);
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer, endpoint);
        templates.clear();
    }

    /** Completes when the data fits the template; fails with the {@link ZaloValidationException} that says why. */
    CompletableFuture<Void> check(ZnsRequest request) {
        return template(request.getOaId(), request.getTemplateId()).thenAccept(t -> verify(t, request));
    }

    private CompletableFuture<ZnsTemplate> template(String oaId, String templateId) {
        String key = oaId + "/" + templateId;
        long now = System.nanoTime();
        Cached entry = templates.compute(key, (k, old) -> old != null && !old.expired(now) ? old
                : new Cached(fetch(oaId, templateId), now));
        // a failed read is not kept: the next message reads again
        entry.template.whenComplete((t, e) -> {
            if (e != null) {
                templates.remove(key, entry);
            }
        });
        return entry.template;
    }

    private CompletableFuture<ZnsTemplate> fetch(String oaId, String templateId) {
        CompletableFuture<ZnsTemplate> result = new CompletableFuture<>();
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(ZaloConstants.OA_ID, oaId);
        exchange.getMessage().setHeader(ZaloConstants.TEMPLATE_ID, templateId);
        producer.process(exchange, sync -> {
            if (exchange.getException() != null) {
                result.completeExceptionally(exchange.getException());
            } else {
                result.complete(exchange.getMessage().getBody(ZnsTemplate.class));
            }
        });
        return result;
    }

    static void verify(ZnsTemplate template, ZnsRequest request) {
        Map<String, String> data = request.getTemplateData();
        Set<String> known = template.getListParams().stream().map(ZnsTemplate.Param::getName)
                .collect(Collectors.toSet());
        for (String name : data.keySet()) {
            if (!known.contains(name)) {
                throw new ZaloValidationException(ZaloConstants.TEMPLATE_DATA + "." + name,
                        "is not a parameter of ZNS template " + request.getTemplateId() + ", which has "
                                                                                            + known.stream().sorted()
                                                                                                    .collect(Collectors.joining(", ")));
            }
        }
        for (ZnsTemplate.Param p : template.getListParams()) {
            String field = ZaloConstants.TEMPLATE_DATA + "." + p.getName();
            String value = data.get(p.getName());
            if (value == null || value.isEmpty()) {
                if (p.isRequire() && !p.isAcceptNull()) {
                    throw new ZaloValidationException(field, "is required by ZNS template " + request.getTemplateId());
                }
                continue;
            }
            int length = value.codePointCount(0, value.length());
            if (p.getMaxLength() != null && p.getMaxLength() > 0 && length > p.getMaxLength()) {
                throw new ZaloValidationException(field, "must not be longer than " + p.getMaxLength()
                                                         + " characters for ZNS template " + request.getTemplateId()
                                                         + ", but has " + length);
            }
            if (p.getMinLength() != null && length < p.getMinLength()) {
                throw new ZaloValidationException(field, "must have at least " + p.getMinLength()
                                                         + " characters for ZNS template " + request.getTemplateId());
            }
        }
    }

    private record Cached(CompletableFuture<ZnsTemplate> template, long readAt) {
        boolean expired(long now) {
            return now - readAt > KEEP.toNanos();
        }
    }
}
