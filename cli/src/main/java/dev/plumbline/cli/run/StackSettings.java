package dev.plumbline.cli.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a one-machine run is told: ports, and the real Kafka or cluster to use instead of the sandbox's.
 *
 * @param externalKafka bootstrap servers of a Kafka to use instead of starting the embedded broker
 * @param externalKubeconfig a kubeconfig of a real cluster to use instead of starting the embedded API
 */
public record StackSettings(
        int kafkaPort,
        int kubeApiPort,
        int gitServerPort,
        ServicePorts servicePorts,
        Optional<String> externalKafka,
        Optional<Path> externalKubeconfig) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KUBE_API_PORT = 8090;
    public static final int DEFAULT_GIT_SERVER_PORT = 8091;

    /**
     * The HTTP ports of the five services; the defaults are the ones their own configuration names, and 0 lets
     * each take any free port.
     */
    public record ServicePorts(int gitWatcher, int renderer, int reconciler, int driftAuditor, int notifier) {

        public static ServicePorts defaults() {
            return new ServicePorts(8081, 8082, 8083, 8084, 8085);
        }

        public static ServicePorts anyFree() {
            return new ServicePorts(0, 0, 0, 0, 0);
        }
    }
}
