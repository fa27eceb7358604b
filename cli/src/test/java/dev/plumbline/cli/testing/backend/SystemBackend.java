package dev.plumbline.cli.testing.backend;

import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.SandboxCluster;
import dev.plumbline.cli.run.StackSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * The Kafka and Kubernetes API a test's stack runs on (docs/testing.md): the sandbox's, started by the run as
 * {@code plumb up} starts them; Testcontainers' Kafka and K3s when a Docker engine answers; or the user's, named with
 * {@code -Dplumbline.kubeconfig} (and {@code -Dplumbline.kafka.bootstrap} with {@code -Dplumbline.kafka.clients}).
 * Use: {@link #choose(Path)}, {@link #settings} for the stack, {@link #readyCluster} before starting it, and
 * {@link #close()} after stopping it.
 */
public final class SystemBackend implements AutoCloseable {

    private final BackendChoice choice;
    private final Optional<ContainerServers> containers;

    private SystemBackend(BackendChoice choice, Optional<ContainerServers> containers) {
        this.choice = choice;
        this.containers = containers;
    }

    /**
     * Chooses from the system properties and whether a Docker engine answers, starts the containers when that is
     * the choice (their settings written under {@code folder}), and prints one line saying which servers are used.
     */
    public static SystemBackend choose(Path folder) {
        return choose(folder, System::getProperty, DockerEngine::answers, System.out::println);
    }

    static SystemBackend choose(
            Path folder, Function<String, String> properties, BooleanSupplier dockerAnswers, Consumer<String> say) {
        BackendChoice choice = BackendChoice.decide(properties, dockerAnswers);
        // said before the containers start, which takes a while
        say.accept(choice.line());
        Optional<ContainerServers> containers = choice.kind() == BackendChoice.Kind.CONTAINERS
                ? Optional.of(ContainerServers.start(folder, properties))
                : Optional.empty();
        return new SystemBackend(choice, containers);
    }

    public BackendChoice choice() {
        return choice;
    }

    /** A stack's settings on these servers: the ports are used for the sandbox's parts that still run. */
    public StackSettings settings(
            int kafkaPort, int kubeApiPort, int gitServerPort, StackSettings.ServicePorts servicePorts) {
        return new StackSettings(
                        kafkaPort, kubeApiPort, gitServerPort, servicePorts, externalKafka(), externalKubeconfig())
                .withExternalKafkaClients(externalKafkaClients());
    }

    /** The Kafka to use instead of the embedded broker. */
    public Optional<String> externalKafka() {
        return containers.map(ContainerServers::bootstrapServers).or(choice::kafkaBootstrap);
    }

    /** The folder of every principal's client settings for {@link #externalKafka()}. */
    public Optional<Path> externalKafkaClients() {
        return containers.map(ContainerServers::kafkaClients).or(choice::kafkaClients);
    }

    /** The kubeconfig of the cluster to use instead of the embedded Kubernetes API. */
    public Optional<Path> externalKubeconfig() {
        return containers.map(ContainerServers::kubeconfig).or(choice::kubeconfig);
    }

    /**
     * Readies a cluster that is not the sandbox's as the run readies its own: the Application and Project CRDs, the
     * namespaces, the default project. A run never does that to a real cluster; a test cluster needs it.
     */
    public void readyCluster(RunLayout layout) {
        externalKubeconfig().ifPresent(kubeconfig -> SandboxCluster.prepare(layout, kubeconfig));
    }

    /** The folder holding {@code <principal>.properties} of every principal of the bus the run uses. */
    public Path kafkaClients(RunLayout layout) {
        return externalKafkaClients().orElse(layout.kafkaClients());
    }

    /** Skips the calling test unless the bus is the embedded broker, which enforces the ACLs of BusAccess. */
    public void assumeEmbeddedKafka(String needs) {
        Assumptions.assumeTrue(
                choice.embeddedKafka(),
                () -> needs + ": only the embedded broker is known to enforce BusAccess's ACLs and can be stopped by"
                        + " the run; this one is " + externalKafka().orElseThrow());
    }

    /** Skips the calling test unless the cluster is the sandbox's, with its traffic counters and fault switch. */
    public void assumeEmbeddedKubeApi(String needs) {
        Assumptions.assumeTrue(
                choice.embeddedKubeApi(),
                () -> needs + ": only the embedded Kubernetes API has it; this run's cluster is "
                        + externalKubeconfig().orElseThrow());
    }

    @Override
    public void close() {
        containers.ifPresent(ContainerServers::close);
    }
}
