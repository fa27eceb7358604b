package dev.plumbline.cli;

import dev.plumbline.cli.run.StackSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of every command that starts Plumbline on this machine ({@code up}, {@code demo}, {@code bench}). */
final class StackOptions {

    @Option(names = "--kubeconfig", description = "A kubeconfig of a real cluster to use instead of the embedded API.")
    Path kubeconfig;

    @Option(
            names = "--kafka-port",
            defaultValue = "" + StackSettings.DEFAULT_KAFKA_PORT,
            description = "Port of the embedded Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--kube-api-port",
            defaultValue = "" + StackSettings.DEFAULT_KUBE_API_PORT,
            description = "Port of the embedded Kubernetes API (default: ${DEFAULT-VALUE}).")
    int kubeApiPort;

    @Option(
            names = "--git-port",
            defaultValue = "" + StackSettings.DEFAULT_GIT_SERVER_PORT,
            description = "Port of the sandbox Git server (default: ${DEFAULT-VALUE}).")
    int gitPort;

    @Option(
            names = "--registry-port",
            defaultValue = "" + StackSettings.DEFAULT_REGISTRY_PORT,
            description =
                    "Port of the sandbox registry, when docker-registry is installed (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(
            names = "--replicas",
            paramLabel = "SERVICE=COUNT[,SERVICE=COUNT…]",
            converter = ReplicasOption.class,
            description = ReplicasOption.DESCRIPTION)
    ReplicasOption.Counts replicas = ReplicasOption.Counts.ONE_OF_EACH;

    StackSettings settings() {
        return new StackSettings(
                        kafkaPort,
                        kubeApiPort,
                        gitPort,
                        StackSettings.ServicePorts.defaults(),
                        environment("KAFKA_BOOTSTRAP_SERVERS"),
                        externalKubeconfig())
                .withExternalKafkaClients(
                        environment("PLUMBLINE_KAFKA_CLIENTS_DIR").map(Path::of))
                .withRegistryPort(registryPort)
                .withReplicas(replicas.byService());
    }

    private Optional<Path> externalKubeconfig() {
        return Optional.ofNullable(kubeconfig)
                .or(() -> environment("KUBECONFIG").map(Path::of));
    }

    private static Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
