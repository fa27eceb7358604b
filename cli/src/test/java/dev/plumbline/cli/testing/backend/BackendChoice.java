package dev.plumbline.cli.testing.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Which Kafka and Kubernetes API the system tests run against, decided from the build's properties and, when they
 * name none, from whether a Docker engine answers. The properties ({@code -D} on the Maven command line):
 *
 * <ul>
 *   <li>{@value #KUBECONFIG}: the kubeconfig of a cluster of the user's (the {@code real-cluster} profile);
 *   <li>{@value #KAFKA_BOOTSTRAP} with {@value #KAFKA_CLIENTS}: a Kafka of the user's, and the folder of every
 *       principal's client settings ({@code <principal>.properties}) for it;
 *   <li>{@value #BACKEND}: {@code auto} (the default: containers when Docker answers, else the sandbox),
 *       {@code sandbox} or {@code containers} (which fails when no Docker engine answers).
 * </ul>
 *
 * Servers the user names win; a part not named (the Kafka, or the cluster) is the sandbox's.
 *
 * @param line the one line that tells the run which servers it uses
 */
public record BackendChoice(
        Kind kind,
        Optional<Path> kubeconfig,
        Optional<String> kafkaBootstrap,
        Optional<Path> kafkaClients,
        String line) {

    public static final String BACKEND = "plumbline.backend";
    public static final String KUBECONFIG = "plumbline.kubeconfig";
    public static final String KAFKA_BOOTSTRAP = "plumbline.kafka.bootstrap";
    public static final String KAFKA_CLIENTS = "plumbline.kafka.clients";

    /** Where the servers come from. */
    public enum Kind {
        /** The sandbox's embedded Kafka broker and Kubernetes API, started by the run itself. */
        SANDBOX,
        /** Testcontainers' Kafka and K3s, on the Docker engine that answered. */
        CONTAINERS,
        /** Servers the user named: a cluster's kubeconfig, a Kafka, or both. */
        GIVEN
    }

    /**
     * The choice for these properties; Docker is asked only when the properties leave it open.
     *
     * @throws IllegalArgumentException naming the property that is wrong and what it should be
     * @throws IllegalStateException when containers are demanded and no Docker engine answers
     */
    public static BackendChoice decide(Function<String, String> properties, BooleanSupplier dockerAnswers) {
        Optional<Path> kubeconfig = property(properties, KUBECONFIG).map(Path::of);
        Optional<String> kafka = property(properties, KAFKA_BOOTSTRAP);
        Optional<Path> clients = property(properties, KAFKA_CLIENTS).map(Path::of);
        if (kubeconfig.isPresent() || kafka.isPresent() || clients.isPresent()) {
            return given(kubeconfig, kafka, clients);
        }
        String backend = property(properties, BACKEND).orElse("auto");
        switch (backend) {
            case "sandbox" -> {
                return sandbox("system tests run on the embedded Kafka and Kubernetes API (" + BACKEND + "=sandbox)");
            }
            case "auto", "containers" -> {
                if (dockerAnswers.getAsBoolean()) {
                    return new BackendChoice(
                            Kind.CONTAINERS,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            "a Docker engine answers: system tests run on Testcontainers' Kafka and K3s");
                }
                if (backend.equals("containers")) {
                    throw new IllegalStateException(BACKEND + "=containers, but no Docker engine answers: start"
                            + " Docker (or set DOCKER_HOST), or leave " + BACKEND + " out to use the sandbox");
                }
                return sandbox("no Docker engine: system tests run on the embedded Kafka and Kubernetes API");
            }
            default ->
                throw new IllegalArgumentException(BACKEND + "=" + backend
                        + " is not a backend: use auto, sandbox or containers (docs/testing.md)");
        }
    }

    /** Whether the run starts the sandbox's own broker, whose ACLs are BusAccess's. */
    public boolean embeddedKafka() {
        return kafkaBootstrap.isEmpty() && kind != Kind.CONTAINERS;
    }

    /** Whether the run starts the sandbox's own Kubernetes API, with its traffic counters and fault switch. */
    public boolean embeddedKubeApi() {
        return kubeconfig.isEmpty() && kind != Kind.CONTAINERS;
    }

    private static BackendChoice given(Optional<Path> kubeconfig, Optional<String> kafka, Optional<Path> clients) {
        kubeconfig.filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new IllegalArgumentException(KUBECONFIG + " names " + file
                    + ", which is not a file: give the kubeconfig of the cluster to test against");
        });
        if (kafka.isPresent() != clients.isPresent()) {
            throw new IllegalArgumentException(KAFKA_BOOTSTRAP + " and " + KAFKA_CLIENTS + " go together: the"
                    + " services never connect anonymously, so a Kafka of yours needs the folder of every principal's"
                    + " <principal>.properties beside its bootstrap servers");
        }
        clients.filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> {
            throw new IllegalArgumentException(KAFKA_CLIENTS + " names " + folder + ", which is not a folder");
        });
        String line = "system tests run on "
                + kubeconfig.map(file -> "the cluster of " + file).orElse("the embedded Kubernetes API") + " and "
                + kafka.map(servers -> "the Kafka at " + servers).orElse("the embedded Kafka");
        return new BackendChoice(Kind.GIVEN, kubeconfig, kafka, clients, line);
    }

    private static BackendChoice sandbox(String line) {
        return new BackendChoice(Kind.SANDBOX, Optional.empty(), Optional.empty(), Optional.empty(), line);
    }

    private static Optional<String> property(Function<String, String> properties, String name) {
        return Optional.ofNullable(properties.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
