package dev.plumbline.cli.testing.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendChoiceTest {

    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("Docker was asked although the properties had decided");
    };

    @TempDir
    Path dir;

    @Test
    void withoutDockerTheSandboxIsUsedAndOneLineSaysSo() {
        BackendChoice choice = BackendChoice.decide(properties(Map.of()), NO_DOCKER);

        assertThat(choice.kind()).isEqualTo(BackendChoice.Kind.SANDBOX);
        assertThat(choice.line())
                .isEqualTo("no Docker engine: system tests run on the embedded Kafka and Kubernetes API");
        assertThat(choice.embeddedKafka()).isTrue();
        assertThat(choice.embeddedKubeApi()).isTrue();
    }

    @Test
    void aDockerEngineThatAnswersBringsTheContainers() {
        BackendChoice choice = BackendChoice.decide(properties(Map.of()), DOCKER);

        assertThat(choice.kind()).isEqualTo(BackendChoice.Kind.CONTAINERS);
        assertThat(choice.line()).contains("Testcontainers' Kafka and K3s");
        assertThat(choice.embeddedKafka()).isFalse();
        assertThat(choice.embeddedKubeApi()).isFalse();
    }

    @Test
    void aKubeconfigPropertyPicksThatClusterWithoutAskingDocker() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");

        BackendChoice choice = BackendChoice.decide(
                properties(Map.of(BackendChoice.KUBECONFIG, kubeconfig.toString())), NOT_TO_BE_ASKED);

        assertThat(choice.kind()).isEqualTo(BackendChoice.Kind.GIVEN);
        assertThat(choice.kubeconfig()).contains(kubeconfig);
        assertThat(choice.embeddedKubeApi()).isFalse();
        assertThat(choice.embeddedKafka()).isTrue();
        assertThat(choice.line())
                .isEqualTo("system tests run on the cluster of " + kubeconfig + " and the embedded Kafka");
    }

    @Test
    void aKafkaOfTheUsersComesWithItsClientsFolder() throws IOException {
        Path clients = Files.createDirectory(dir.resolve("clients"));

        BackendChoice choice = BackendChoice.decide(
                properties(Map.of(
                        BackendChoice.KAFKA_BOOTSTRAP,
                        "kafka.example:9093",
                        BackendChoice.KAFKA_CLIENTS,
                        clients.toString())),
                NOT_TO_BE_ASKED);

        assertThat(choice.kafkaBootstrap()).contains("kafka.example:9093");
        assertThat(choice.kafkaClients()).contains(clients);
        assertThat(choice.embeddedKafka()).isFalse();
        assertThat(choice.embeddedKubeApi()).isTrue();
    }

    @Test
    void aKafkaWithoutItsClientsFolderIsRefusedSayingWhy() {
        assertThatThrownBy(() -> BackendChoice.decide(
                        properties(Map.of(BackendChoice.KAFKA_BOOTSTRAP, "kafka.example:9093")), NOT_TO_BE_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BackendChoice.KAFKA_CLIENTS)
                .hasMessageContaining("never connect anonymously");
    }

    @Test
    void aKubeconfigThatIsNoFileIsRefusedNamingIt() {
        Path missing = dir.resolve("no-such-kubeconfig");

        assertThatThrownBy(() -> BackendChoice.decide(
                        properties(Map.of(BackendChoice.KUBECONFIG, missing.toString())), NOT_TO_BE_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not a file");
    }

    @Test
    void theSandboxAskedForIsUsedWithoutAskingDocker() {
        BackendChoice choice =
                BackendChoice.decide(properties(Map.of(BackendChoice.BACKEND, "sandbox")), NOT_TO_BE_ASKED);

        assertThat(choice.kind()).isEqualTo(BackendChoice.Kind.SANDBOX);
    }

    @Test
    void containersAskedForWithoutDockerFailSayingWhatToDo() {
        assertThatThrownBy(
                        () -> BackendChoice.decide(properties(Map.of(BackendChoice.BACKEND, "containers")), NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers");
    }

    @Test
    void anUnknownBackendIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> BackendChoice.decide(properties(Map.of(BackendChoice.BACKEND, "kind")), DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, sandbox or containers");
    }

    private static Function<String, String> properties(Map<String, String> values) {
        return values::get;
    }
}
