package dev.plumbline.cli.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a one-machine run is told: ports, and the real Kafka or cluster to use instead of the sandbox's.
 *
 * @param externalKafka bootstrap servers of a Kafka to use instead of starting the embedded broker
 * @param externalKubeconfig a kubeconfig of a real cluster to use instead of starting the embedded API
 * @param serviceSettings more settings of a service, as environment variables, by module name ({@code git-watcher}):
 *     a shorter poll interval for a benchmark, the Slack webhook of a test
 * @param externalKafkaClients with {@code externalKafka}: a folder holding {@code <principal>.properties}, the Kafka
 *     client settings of each principal (git-watcher, renderer, reconciler, drift-auditor, notifier, image-updater,
 *     plumb)
 * @param registryPort the port of the sandbox registry (when docker-registry is installed); 0 for any free one
 * @param replicas how many instances of a service to start, by module name; 1 for a service not named
 */
public record StackSettings(
        int kafkaPort,
        int kubeApiPort,
        int gitServerPort,
        ServicePorts servicePorts,
        Optional<String> externalKafka,
        Optional<Path> externalKubeconfig,
        Map<String, Map<String, String>> serviceSettings,
        Optional<Path> externalKafkaClients,
        int registryPort,
        Map<String, Integer> replicas) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_REGISTRY_PORT = 5000;
    public static final int DEFAULT_KUBE_API_PORT = 8090;
    public static final int DEFAULT_GIT_SERVER_PORT = 8091;

    public StackSettings {
        serviceSettings = Map.copyOf(serviceSettings);
        replicas = Replicas.validate(replicas);
    }

    public StackSettings(
            int kafkaPort,
            int kubeApiPort,
            int gitServerPort,
            ServicePorts servicePorts,
            Optional<String> externalKafka,
            Optional<Path> externalKubeconfig) {
        this(kafkaPort, kubeApiPort, gitServerPort, servicePorts, externalKafka, externalKubeconfig, Map.of());
    }

    public StackSettings(
            int kafkaPort,
            int kubeApiPort,
            int gitServerPort,
            ServicePorts servicePorts,
            Optional<String> externalKafka,
            Optional<Path> externalKubeconfig,
            Map<String, Map<String, String>> serviceSettings) {
        this(
                kafkaPort,
                kubeApiPort,
                gitServerPort,
                servicePorts,
                externalKafka,
                externalKubeconfig,
                serviceSettings,
                Optional.empty(),
                DEFAULT_REGISTRY_PORT,
                Map.of());
    }

    /** These settings, with the folder of each principal's Kafka client settings for the external Kafka. */
    public StackSettings withExternalKafkaClients(Optional<Path> folder) {
        return new StackSettings(
                kafkaPort,
                kubeApiPort,
                gitServerPort,
                servicePorts,
                externalKafka,
                externalKubeconfig,
                serviceSettings,
                folder,
                registryPort,
                replicas);
    }

    /** These settings, with the sandbox registry on {@code port} (0: any free one). */
    public StackSettings withRegistryPort(int port) {
        return new StackSettings(
                kafkaPort,
                kubeApiPort,
                gitServerPort,
                servicePorts,
                externalKafka,
                externalKubeconfig,
                serviceSettings,
                externalKafkaClients,
                port,
                replicas);
    }

    /** These settings, with one more environment variable for the service built in {@code module}. */
    public StackSettings withServiceSetting(String module, String name, String value) {
        Map<String, Map<String, String>> settings = new HashMap<>(serviceSettings);
        Map<String, String> ofModule = new HashMap<>(settings.getOrDefault(module, Map.of()));
        ofModule.put(name, value);
        settings.put(module, Map.copyOf(ofModule));
        return new StackSettings(
                kafkaPort,
                kubeApiPort,
                gitServerPort,
                servicePorts,
                externalKafka,
                externalKubeconfig,
                settings,
                externalKafkaClients,
                registryPort,
                replicas);
    }

    /**
     * These settings, with this many instances of the services named (by module name; the others keep one).
     *
     * @throws IllegalArgumentException for an unknown service, one that runs as one instance only, or a count out
     *     of range
     */
    public StackSettings withReplicas(Map<String, Integer> counts) {
        return new StackSettings(
                kafkaPort,
                kubeApiPort,
                gitServerPort,
                servicePorts,
                externalKafka,
                externalKubeconfig,
                serviceSettings,
                externalKafkaClients,
                registryPort,
                counts);
    }

    /** How many instances of the service built in {@code module} the run starts. */
    int replicas(String module) {
        return replicas.getOrDefault(module, 1);
    }

    Map<String, String> serviceSettings(String module) {
        return serviceSettings.getOrDefault(module, Map.of());
    }

    /**
     * The HTTP ports of the six services; the defaults are the ones their own configuration names, and 0 lets
     * each take any free port.
     */
    public record ServicePorts(
            int gitWatcher, int renderer, int reconciler, int driftAuditor, int notifier, int imageUpdater) {

        public static ServicePorts defaults() {
            return new ServicePorts(8081, 8082, 8083, 8084, 8085, 8087);
        }

        public static ServicePorts anyFree() {
            return new ServicePorts(0, 0, 0, 0, 0, 0);
        }

        /** These ports, with the image-updater's set. */
        public ServicePorts withImageUpdater(int port) {
            return new ServicePorts(gitWatcher, renderer, reconciler, driftAuditor, notifier, port);
        }
    }
}
