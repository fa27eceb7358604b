package dev.plumbline.cli.testing.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class SystemBackendTest {

    @TempDir
    Path dir;

    @Test
    void withoutDockerTheStackStartsTheSandboxAfterOneLineSayingSo() {
        List<String> said = new ArrayList<>();
        RunLayout layout = new RunLayout(dir, dir.resolve("run"));

        try (SystemBackend backend = SystemBackend.choose(dir, Map.<String, String>of()::get, () -> false, said::add)) {
            StackSettings settings = backend.settings(9092, 0, 8091, StackSettings.ServicePorts.anyFree());

            assertThat(said)
                    .containsExactly("no Docker engine: system tests run on the embedded Kafka and Kubernetes API");
            assertThat(settings.externalKafka()).isEmpty();
            assertThat(settings.externalKubeconfig()).isEmpty();
            assertThat(settings.externalKafkaClients()).isEmpty();
            assertThat(backend.kafkaClients(layout)).isEqualTo(layout.kafkaClients());
            assertThatCode(() -> backend.assumeEmbeddedKafka("the ACLs are checked"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> backend.assumeEmbeddedKubeApi("the traffic counters are read"))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theRealClusterPropertiesBecomeTheStacksSettingsAndSkipSandboxOnlyTests() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Path clients = Files.createDirectory(dir.resolve("clients"));
        Map<String, String> properties = Map.of(
                BackendChoice.KUBECONFIG, kubeconfig.toString(),
                BackendChoice.KAFKA_BOOTSTRAP, "kafka.example:9093",
                BackendChoice.KAFKA_CLIENTS, clients.toString());
        List<String> said = new ArrayList<>();

        try (SystemBackend backend = SystemBackend.choose(
                dir,
                properties::get,
                () -> {
                    throw new AssertionError("Docker was asked although a cluster was named");
                },
                said::add)) {
            StackSettings settings = backend.settings(9092, 0, 8091, StackSettings.ServicePorts.anyFree());

            assertThat(said).hasSize(1);
            assertThat(settings.externalKafka()).contains("kafka.example:9093");
            assertThat(settings.externalKubeconfig()).contains(kubeconfig);
            assertThat(settings.externalKafkaClients()).contains(clients);
            assertThat(backend.kafkaClients(new RunLayout(dir, dir.resolve("run"))))
                    .isEqualTo(clients);
            assertThatThrownBy(() -> backend.assumeEmbeddedKafka("the ACLs are checked"))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("the ACLs are checked")
                    .hasMessageContaining("kafka.example:9093");
            assertThatThrownBy(() -> backend.assumeEmbeddedKubeApi("the traffic counters are read"))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining(kubeconfig.toString());
        }
    }
}
