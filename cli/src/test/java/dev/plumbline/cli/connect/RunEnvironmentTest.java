package dev.plumbline.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {

    @TempDir
    Path home;

    @Test
    void theEnvFileOfPlumbUpIsReadAsAShellWouldReadIt() throws Exception {
        writeEnvFile("""
                # written by plumb up; source it to reach this run
                export GIT_PASSWORD='it'"'"'s secret'
                export RECONCILER_URL='http://localhost:8083'
                """);

        RunEnvironment environment = RunEnvironment.load(home, Map.of());

        assertThat(environment.require("GIT_PASSWORD")).isEqualTo("it's secret");
        assertThat(environment.serviceUrl(PlumblineServiceUrl.RECONCILER)).hasToString("http://localhost:8083");
    }

    @Test
    void anExportedSettingWinsOverTheEnvFile() throws Exception {
        writeEnvFile("export RECONCILER_URL='http://localhost:8083'\n");

        RunEnvironment environment =
                RunEnvironment.load(home, Map.of("RECONCILER_URL", "http://reconciler.example:9000/"));

        assertThat(environment.serviceUrl(PlumblineServiceUrl.RECONCILER))
                .hasToString("http://reconciler.example:9000");
    }

    @Test
    void aMissingSettingSaysHowToProvideIt() {
        RunEnvironment environment = RunEnvironment.load(home, Map.of());

        assertThatThrownBy(() -> environment.serviceUrl(PlumblineServiceUrl.RECONCILER))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("RECONCILER_URL is not set: start Plumbline with ./plumb up, or export it");
        assertThat(environment.gitCredentials()).isEmpty();
    }

    @Test
    void aKubeconfigListIsReadFromItsFirstFileThatExistsAsKubectlReadsIt() throws Exception {
        Path kubeconfig = home.resolve("cluster-b.yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: b, cluster: {server: "https://cluster-b.example:6443"}}]
                users: [{name: b, user: {token: t}}]
                contexts: [{name: b, context: {cluster: b, user: b}}]
                current-context: b
                """);
        String list = home.resolve("missing.yaml") + File.pathSeparator + kubeconfig;

        try (KubernetesClient client =
                RunEnvironment.load(home, Map.of("KUBECONFIG", list)).kubernetesClient()) {
            assertThat(client.getConfiguration().getMasterUrl()).startsWith("https://cluster-b.example:6443");
        }
    }

    private void writeEnvFile(String content) throws Exception {
        Path file = RunEnvironment.envFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
