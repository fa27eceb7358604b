package dev.plumbline.cli.testing.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Kafka broker (the Apache Kafka image, the version the services' clients are) and a real Kubernetes API
 * (K3s) in Docker, started side by side. The broker is set up as the embedded one is where the services notice:
 * logins required, no topic created by accident, records up to 64 MiB.
 */
final class ContainerServers implements AutoCloseable {

    /** The image of the broker; {@code -Dplumbline.kafka.image} names another. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    /** The image of the cluster; {@code -Dplumbline.k3s.image} names another. */
    static final String K3S_IMAGE = "rancher/k3s:v1.31.4-k3s1";

    private static final String MAX_MESSAGE_BYTES = Integer.toString(64 * 1024 * 1024);

    private final KafkaContainer kafka;
    private final K3sContainer k3s;
    private final Path kafkaClients;
    private final Path kubeconfig;

    private ContainerServers(KafkaContainer kafka, K3sContainer k3s, Path kafkaClients, Path kubeconfig) {
        this.kafka = kafka;
        this.k3s = k3s;
        this.kafkaClients = kafkaClients;
        this.kubeconfig = kubeconfig;
    }

    /**
     * Starts both and writes, under {@code folder}, every principal's Kafka client settings ({@code kafka/}) and the
     * cluster's kubeconfig ({@code kubeconfig}); on a failure stops what started.
     */
    static ContainerServers start(Path folder, Function<String, String> properties) {
        PlainLogins logins = PlainLogins.fresh();
        KafkaContainer kafka = new KafkaContainer(image(properties, "plumbline.kafka.image", KAFKA_IMAGE))
                // Testcontainers' listener named PLAINTEXT is the one published to the host: logins on it, plain
                // between the broker and its controller inside the container
                .withEnv(
                        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                        "BROKER:PLAINTEXT,PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_SASL_ENABLED_MECHANISMS", "PLAIN")
                .withEnv("KAFKA_LISTENER_NAME_PLAINTEXT_SASL_ENABLED_MECHANISMS", "PLAIN")
                .withEnv("KAFKA_LISTENER_NAME_PLAINTEXT_PLAIN_SASL_JAAS_CONFIG", logins.brokerJaasConfig())
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", MAX_MESSAGE_BYTES)
                .withEnv("KAFKA_REPLICA_FETCH_MAX_BYTES", MAX_MESSAGE_BYTES);
        K3sContainer k3s = new K3sContainer(image(properties, "plumbline.k3s.image", K3S_IMAGE));
        try {
            Startables.deepStart(kafka, k3s).join();
            Path clients = logins.writeClients(folder.resolve("kafka"), kafka.getBootstrapServers());
            Path kubeconfig = folder.resolve("kubeconfig");
            Files.writeString(kubeconfig, k3s.getKubeConfigYaml());
            Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
            return new ContainerServers(kafka, k3s, clients, kubeconfig);
        } catch (IOException e) {
            stop(kafka, k3s);
            throw new UncheckedIOException("cannot write the containers' settings to " + folder, e);
        } catch (RuntimeException e) {
            stop(kafka, k3s);
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    Path kafkaClients() {
        return kafkaClients;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public void close() {
        stop(kafka, k3s);
    }

    private static void stop(KafkaContainer kafka, K3sContainer k3s) {
        kafka.stop();
        k3s.stop();
    }

    private static DockerImageName image(Function<String, String> properties, String property, String fallback) {
        String name = properties.apply(property);
        return DockerImageName.parse(name == null || name.isBlank() ? fallback : name.strip());
    }
}
