package io.github.camelzalo.component.zalo.springboot;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the object options of {@code camel.component.zalo.*} name a Spring bean the Camel way, {@code #bean:name}
 * (or {@code #name}), as Camel's own starters do. Any other text is left to Spring's usual binding.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class ZaloComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(CloseableHttpAsyncClient.class, ExecutorService.class,
            SSLContextParameters.class, ZaloConfiguration.class);

    private final ApplicationContext applicationContext;

    public ZaloComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !source.toString().startsWith("#")) {
            return null;
        }
        String ref = source.toString();
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
