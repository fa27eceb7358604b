package dev.plumbline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses objects as their Kubernetes types with fabric8's model. The model keeps fields it does not know in
 * "additional properties" instead of failing, so a typo ({@code readinesProbe}) would pass silently: {@link
 * #unknownFields} finds every such field, at any depth.
 */
final class KubernetesTypes {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private KubernetesTypes() {}

    /** The object as the model class of its apiVersion and kind; a kind the model does not know fails. */
    static HasMetadata parseAsItsType(JsonNode object) {
        HasMetadata typed = SERIALIZATION.unmarshal(object.toString());
        if (typed instanceof GenericKubernetesResource) {
            throw new AssertionError(Manifests.describe(object) + ": "
                    + object.path("apiVersion").asText() + " "
                    + object.path("kind").asText() + " is not a Kubernetes type the model knows");
        }
        return typed;
    }

    static <T extends HasMetadata> T parse(JsonNode object, Class<T> type) {
        return SERIALIZATION.unmarshal(object.toString(), type);
    }

    /** Paths of the fields, anywhere in the object, that its type does not have. */
    static List<String> unknownFields(Object typed) {
        List<String> unknown = new ArrayList<>();
        collect(typed, typed.getClass().getSimpleName(), unknown, 0);
        return unknown;
    }

    private static void collect(Object value, String path, List<String> unknown, int depth) {
        if (value == null || depth > 64) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collect(item, path + "[" + index++ + "]", unknown, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> collect(item, path + "." + key, unknown, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties") && field instanceof Map<?, ?> extra) {
                if (!extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                collect(field, path + "." + property(getter), unknown, depth + 1);
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get")
                && method.getDeclaringClass() != Object.class
                && !method.getReturnType().isPrimitive()
                && method.getReturnType() != String.class;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
