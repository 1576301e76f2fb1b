import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * Build step, run after camel-component-maven-plugin: lists the options of the component's nested objects in the
 * component JSON, so that catalog-driven tooling can complete, validate and mask them.
 * <p>
 * A component field marked {@code @Metadata} whose class is a {@code @Configurer} with {@code @UriParam} fields (an
 * account such as {@code caresoft}) gets one component option per such field, named {@code caresoft.apiKey}, with
 * its type, default, description and {@code secret}, and {@code configurationClass} / {@code configurationField}
 * saying where it lives. Camel's plugin cannot do this itself: it expands only {@code @UriParams} classes, and for a
 * prefixed one ({@code @UriParams(prefix = "caresoft.")}) it lists the options but generates a configurer that calls
 * {@code setCaresoft.apiKey(...)} and does not compile. The options themselves are bound at run time through the
 * nested object's own generated configurer, so nothing but the JSON changes. Running it again gives the same file.
 * <p>
 * Arguments: the component JSON file, the component class (on the class path).
 */
public class NestedOptionsJson {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Class<?> component = Class.forName(args[1]);
        ComponentModel model = JsonMapper.generateComponentModel(Files.readString(file, StandardCharsets.UTF_8));

        List<ComponentOptionModel> result = new ArrayList<>();
        int added = 0;
        for (ComponentOptionModel option : model.getComponentOptions()) {
            int dot = option.getName().indexOf('.');
            if (dot > 0 && nestedObject(component, option.getName().substring(0, dot)) != null) {
                // added by an earlier run (the plugin skips its own run when the classes have not changed)
                continue;
            }
            result.add(option);
            Field field = nestedObject(component, option.getName());
            if (field != null) {
                List<ComponentOptionModel> nested = nestedOptions(field, option);
                result.addAll(nested);
                added += nested.size();
            }
        }
        model.getComponentOptions().clear();
        result.forEach(model::addComponentOption);
        String json = JsonMapper.createParameterJsonSchema(model);
        if (!json.equals(Files.readString(file, StandardCharsets.UTF_8))) {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        }
        System.out.println("Listed " + added + " nested options of " + component.getSimpleName() + " in "
                           + file.getFileName());
    }

    private static List<ComponentOptionModel> nestedOptions(Field parentField, ComponentOptionModel parent) {
        List<ComponentOptionModel> nested = new ArrayList<>();
        for (Class<?> c = parentField.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                UriParam param = field.getAnnotation(UriParam.class);
                if (param == null) {
                    continue;
                }
                String name = param.name().isEmpty() ? field.getName() : param.name();
                ComponentOptionModel option = new ComponentOptionModel();
                option.setKind("property");
                option.setName(parent.getName() + "." + name);
                option.setDisplayName(param.displayName().isEmpty()
                        ? parent.getDisplayName() + " " + title(name) : param.displayName());
                String label = param.label().isEmpty() ? parent.getLabel() : param.label();
                option.setLabel(label);
                // the account's group, though a key is labelled security too: all of an account in one place
                option.setGroup(label.split(",")[0]);
                option.setRequired(false);
                option.setType(type(field.getType()));
                option.setJavaType(field.getType().getName());
                if (field.getType().isEnum()) {
                    option.setEnums(Arrays.stream(field.getType().getEnumConstants()).map(Object::toString).toList());
                }
                if (!param.defaultValue().isEmpty()) {
                    option.setDefaultValue(defaultValue(option.getType(), param.defaultValue()));
                }
                option.setDescription(param.description());
                option.setDeprecated(field.isAnnotationPresent(Deprecated.class));
                option.setSecret(param.secret());
                Metadata metadata = field.getAnnotation(Metadata.class);
                option.setAutowired(metadata != null && metadata.autowired());
                option.setConfigurationClass(parentField.getType().getName());
                option.setConfigurationField(parentField.getName());
                nested.add(option);
            }
        }
        nested.sort(Comparator.comparing(ComponentOptionModel::getName));
        return nested;
    }

    /** The component's {@code @Metadata} field of that name whose type is a {@code @Configurer}, or null. */
    private static Field nestedObject(Class<?> component, String name) {
        for (Class<?> c = component; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && f.isAnnotationPresent(Metadata.class)
                        && f.getType().isAnnotationPresent(Configurer.class)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The catalog's names for Java types, as Camel's tooling writes them. */
    private static String type(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class) {
            return "integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "number";
        }
        if (type == java.time.Duration.class) {
            return "duration";
        }
        return type.isEnum() ? "enum" : "object";
    }

    private static Object defaultValue(String type, String text) {
        return switch (type) {
            case "integer" -> Long.parseLong(text) <= Integer.MAX_VALUE ? (Object) Integer.parseInt(text)
                    : (Object) Long.parseLong(text);
            case "boolean" -> Boolean.parseBoolean(text);
            case "number" -> Double.parseDouble(text);
            default -> text;
        };
    }

    /** {@code apiKey} as {@code Api Key}, the way Camel titles option names. */
    private static String title(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && !sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(sb.isEmpty() ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
