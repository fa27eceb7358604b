package dev.plumbline.deploy;

import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings one service reads: every property of its {@code @ConfigMapping} (nested groups, optional values and
 * maps included, a map's key matching any name), plus Quarkus', Kafka's and SmallRye Messaging's own, which the
 * service passes to them. A name is known in its property spelling ({@code plumbline.topics.partitions}) or its
 * environment spelling ({@code PLUMBLINE_TOPICS_PARTITIONS}).
 */
final class ConfigKeys {

    /** Settings that belong to Quarkus and the libraries it configures rather than to Plumbline's mapping. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("quarkus.", "kafka.", "mp.messaging.");
    /**
     * Environment read directly rather than through configuration: by the Kubernetes client ({@code KUBECONFIG}) and
     * by the base image's start script, which sizes the heap from {@code JAVA_MAX_MEM_RATIO}.
     */
    private static final List<String> LIBRARY_ENVIRONMENT = List.of("KUBECONFIG", "JAVA_MAX_MEM_RATIO");

    private static final String MAP_KEY = "\u0000";

    private final String prefix;
    private final List<Pattern> properties = new ArrayList<>();
    private final List<Pattern> environment = new ArrayList<>();

    private ConfigKeys(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The settings of one service's {@code @ConfigMapping(prefix = "plumbline")} interfaces: its own and the
     * service-kit's, which share the prefix.
     */
    static ConfigKeys of(Class<?>... mappings) {
        ConfigKeys keys = null;
        for (Class<?> mapping : mappings) {
            io.smallrye.config.ConfigMapping annotation = mapping.getAnnotation(io.smallrye.config.ConfigMapping.class);
            if (annotation == null) {
                throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
            }
            keys = keys == null ? new ConfigKeys(annotation.prefix()) : keys;
            keys.walk(mapping, List.of(annotation.prefix()));
        }
        return keys;
    }

    /** Whether a property name ({@code plumbline.poll.interval}) is one the service reads. */
    boolean knowsProperty(String name) {
        String plain = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
        if (FRAMEWORK_PREFIXES.stream().anyMatch(plain::startsWith)) {
            return true;
        }
        return properties.stream().anyMatch(pattern -> pattern.matcher(plain).matches());
    }

    /** Whether an environment variable ({@code PLUMBLINE_POLL_INTERVAL}) sets a setting the service reads. */
    boolean knowsEnvironment(String name) {
        if (LIBRARY_ENVIRONMENT.contains(name)) {
            return true;
        }
        if (FRAMEWORK_PREFIXES.stream().map(ConfigKeys::environmentSpelling).anyMatch(name::startsWith)) {
            return true;
        }
        return environment.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    /** Every setting of the mapping, a map key shown as {@code *}. */
    List<String> describe() {
        return properties.stream()
                .map(Pattern::pattern)
                .map(pattern -> pattern.replace("[^.]+", "*").replace("\\Q", "").replace("\\E", ""))
                .toList();
    }

    String prefix() {
        return prefix;
    }

    private void walk(Class<?> group, List<String> path) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0
                    || method.isDefault()
                    || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            if (!method.isAnnotationPresent(WithParentName.class)) {
                WithName name = method.getAnnotation(WithName.class);
                here.add(name != null ? name.value() : kebab(method.getName()));
            }
            add(method.getGenericReturnType(), here);
        }
    }

    private void add(Type type, List<String> path) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            add(argument(type, 0), path);
        } else if (java.util.Map.class.isAssignableFrom(raw)) {
            List<String> withKey = new ArrayList<>(path);
            withKey.add(MAP_KEY);
            add(argument(type, 1), withKey);
        } else if (isGroup(raw)) {
            walk(raw, path);
        } else {
            leaf(path);
        }
    }

    private void leaf(List<String> path) {
        StringBuilder property = new StringBuilder();
        StringBuilder env = new StringBuilder();
        for (String segment : path) {
            if (!property.isEmpty()) {
                property.append("\\.");
                env.append('_');
            }
            if (segment.equals(MAP_KEY)) {
                property.append("[^.]+");
                env.append("[A-Z0-9_]+");
            } else {
                property.append(Pattern.quote(segment));
                env.append(Pattern.quote(environmentSpelling(segment)));
            }
        }
        // a list or a map of values may also be given entry by entry: name[0]
        properties.add(Pattern.compile(property + "(\\[\\d+\\])?"));
        environment.add(Pattern.compile(env + "(_\\d+_)?"));
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType parameterized
                ? parameterized.getActualTypeArguments()[index]
                : String.class;
    }

    /** SmallRye's environment spelling: anything but letters and digits becomes {@code _}, then upper case. */
    static String environmentSpelling(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
