package dev.plumbline.cli.run;

import dev.plumbline.events.topic.Topics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How many instances of each service a one-machine run starts ({@code --replicas reconciler=2,notifier=2}), and
 * what each instance is called: a service with one instance keeps its module's name ({@code reconciler}), with N
 * they are {@code reconciler-1} … {@code reconciler-N}. That name is the component's, its log's and its work
 * dir's, and the service hears it as {@code PLUMBLINE_INSTANCE}.
 */
public final class Replicas {

    /** The services whose work is divided by the partitions of their input topics (docs/design.md, "Delivery"). */
    static final List<ServiceProcess> SCALABLE = List.of(
            ServiceProcess.RENDERER, ServiceProcess.RECONCILER, ServiceProcess.DRIFT_AUDITOR, ServiceProcess.NOTIFIER);

    /** Past the partitions of the topics the work is divided by, an instance would get no work at all. */
    static final int MOST = Topics.DEFAULT_PARTITIONS;

    private static final String EXAMPLE = "e.g. --replicas renderer=2,reconciler=2,drift-auditor=2,notifier=2";

    private Replicas() {}

    /**
     * Reads {@code service=count[,service=count…]}.
     *
     * @throws IllegalArgumentException naming what is wrong and what is accepted
     */
    public static Map<String, Integer> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--replicas needs service=count pairs, " + EXAMPLE);
        }
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            String[] parts = pair.trim().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not service=count (" + EXAMPLE + ")");
            }
            String service = parts[0].trim();
            int count;
            try {
                count = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(
                        "'" + pair.trim() + "': the count of " + service + " must be a whole number from 1 to " + MOST);
            }
            if (replicas.put(service, count) != null) {
                throw new IllegalArgumentException(service + " is named twice in --replicas; name each service once");
            }
        }
        return validate(replicas);
    }

    /**
     * Checks counts given by module name, and returns them unchanged.
     *
     * @throws IllegalArgumentException for a service that does not exist, one that runs as one instance only, or a
     *     count out of range
     */
    public static Map<String, Integer> validate(Map<String, Integer> replicas) {
        replicas.forEach((module, count) -> {
            ServiceProcess service = Arrays.stream(ServiceProcess.values())
                    .filter(candidate -> candidate.module.equals(module))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("there is no service called '" + module
                            + "': the services that can run as several instances are " + scalableNames()));
            if (count < 1 || count > MOST) {
                throw new IllegalArgumentException(module + "=" + count + ": the count must be from 1 to " + MOST
                        + " (the topics have " + MOST + " partitions; an instance past them would get no work)");
            }
            if (count > 1 && !SCALABLE.contains(service)) {
                throw new IllegalArgumentException(module + " runs as one instance: " + whyOne(service)
                        + " (docs/design.md, \"Delivery\"). Leave it at 1; the services that can run as several"
                        + " instances are " + scalableNames());
            }
        });
        return Map.copyOf(replicas);
    }

    private static String whyOne(ServiceProcess service) {
        return service == ServiceProcess.GIT_WATCHER
                ? "its Git mirrors live on one volume, and every further instance would fetch and announce every"
                        + " repository again"
                : "every further instance would check every image again and push the same promotion branch";
    }

    private static String scalableNames() {
        return SCALABLE.stream().map(service -> service.module).collect(Collectors.joining(", "));
    }

    /** The names of a service's instances, in the order they start. */
    static List<String> instanceNames(String module, int count) {
        if (count == 1) {
            return List.of(module);
        }
        return IntStream.rangeClosed(1, count)
                .mapToObj(number -> module + "-" + number)
                .toList();
    }

    /** The service a component of the run is an instance of; empty for the sandbox's components. */
    static Optional<ServiceProcess> serviceOf(String componentName) {
        return Arrays.stream(ServiceProcess.values())
                .filter(service -> componentName.equals(service.module)
                        || componentName.matches(Pattern.quote(service.module) + "-[0-9]+"))
                .findFirst();
    }

    /**
     * What the env file says of the services' instances: for each service, {@code <SERVICE>_URL} (its first
     * instance) and {@code <SERVICE>_INSTANCES} ({@code name=url,name=url}, every instance).
     *
     * @param urls each instance's URL by its name, in the order they started
     */
    static Map<String, String> urlVariables(Map<String, String> urls) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (ServiceProcess service : ServiceProcess.values()) {
            List<Map.Entry<String, String>> instances = urls.entrySet().stream()
                    .filter(instance -> serviceOf(instance.getKey()).equals(Optional.of(service)))
                    .toList();
            if (instances.isEmpty()) {
                continue;
            }
            variables.put(service.urlVariable, instances.get(0).getValue());
            variables.put(
                    service.instancesVariable(),
                    instances.stream()
                            .map(instance -> instance.getKey() + "=" + instance.getValue())
                            .collect(Collectors.joining(",")));
        }
        return variables;
    }
}
