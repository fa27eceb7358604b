package dev.plumbline.servicekit.instance;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The name of this instance of a service: {@value #VARIABLE} (set by {@code ./plumb up} and, from the pod name, by
 * the deployment), else {@code HOSTNAME} (the pod name in Kubernetes, the container id in docker-compose), else a
 * random id, so that two instances never share a name by accident.
 */
public final class InstanceName {

    public static final String VARIABLE = "PLUMBLINE_INSTANCE";
    public static final String PROPERTY = "plumbline.instance";
    /** The header naming the instance on every Kubernetes request of a service. */
    public static final String KUBERNETES_HEADER = "X-Plumbline-Instance";

    private InstanceName() {}

    /** The name of this process, from its environment. */
    public static String ofThisProcess() {
        return resolve(
                System.getenv(),
                () -> "instance-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * @param environment the process environment
     * @param randomId    a fresh id, asked only when the environment names no instance
     */
    public static String resolve(Map<String, String> environment, Supplier<String> randomId) {
        for (String variable : new String[] {VARIABLE, "HOSTNAME"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return randomId.get();
    }
}
