package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path kafka;

    private Map<String, String> run() {
        Map<String, String> run = new HashMap<>(BusCredentials.embedded("127.0.0.1:9092", kafka));
        run.put("GIT_SERVER_URL", "http://127.0.0.1:8091");
        run.put("GIT_USERNAME", "plumbline");
        run.put("GIT_PASSWORD", "git-secret");
        run.put("GIT_READER_USERNAME", "plumbline-reader");
        run.put("GIT_READER_PASSWORD", "reader-secret");
        run.put("PLUMBLINE_WEBHOOK_SECRET", "webhook-secret");
        run.put("KUBECONFIG", "/run/kubeconfig");
        run.put("REGISTRY_URL", "http://127.0.0.1:5000");
        run.put(ServiceProcess.REGISTRY_WEBHOOK_SECRET, "registry-secret");
        run.put(ServiceProcess.PROMOTE_TOKEN, "promote-token");
        return run;
    }

    @Test
    void onlyTheImageUpdaterGetsTheGitWriteCredentialTheRegistrySecretAndThePromoteToken() {
        Map<String, String> run = run();

        Map<String, String> imageUpdater = ServiceProcess.IMAGE_UPDATER.environment(run, 8087, kafka);

        assertThat(imageUpdater)
                .containsEntry("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_URL", "http://127.0.0.1:8091/demo.git")
                .containsEntry("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_PASSWORD", "git-secret")
                .containsEntry("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_HOST", "gitea")
                .containsEntry("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_API_URL", "http://127.0.0.1:8091/api/v1")
                .containsEntry("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_PROJECT", "plumbline/demo")
                .containsEntry("PLUMBLINE_REGISTRIES_SANDBOX_REGISTRY", "127.0.0.1:5000")
                .containsEntry("PLUMBLINE_REGISTRIES_SANDBOX_PLAIN_HTTP", "true")
                .containsEntry("PLUMBLINE_REGISTRY_WEBHOOK_DISTRIBUTION_SECRET", "registry-secret")
                .containsEntry("PLUMBLINE_PROMOTE_TOKENS_PLUMB_TOKEN", "promote-token")
                .containsEntry("PLUMBLINE_PROMOTE_TOKENS_PLUMB_APPS", "*")
                .containsEntry(
                        BusCredentials.CLIENT_FILE,
                        kafka.resolve("image-updater.properties").toString())
                .doesNotContainKeys("KUBECONFIG", "PLUMBLINE_WEBHOOK_SECRET", "PLUMBLINE_CREDENTIALS_SANDBOX_URL");
        for (ServiceProcess other : ServiceProcess.values()) {
            if (other == ServiceProcess.IMAGE_UPDATER) {
                continue;
            }
            Map<String, String> environment = other.environment(run, 8081, kafka);
            assertThat(environment.keySet()).as(other.module).noneMatch(ServiceProcess::isImageUpdaterCredential);
            assertThat(environment.values()).as(other.module).doesNotContain("registry-secret", "promote-token");
        }
        Map<String, String> gitWatcher = ServiceProcess.GIT_WATCHER.environment(run, 8081, kafka);
        assertThat(gitWatcher)
                .containsEntry("PLUMBLINE_CREDENTIALS_SANDBOX_USERNAME", "plumbline-reader")
                .containsEntry("PLUMBLINE_CREDENTIALS_SANDBOX_PASSWORD", "reader-secret");
        assertThat(gitWatcher.values()).doesNotContain("git-secret");
    }

    @Test
    void withoutARegistryTheImageUpdaterHasNoRegistrySettings() {
        Map<String, String> run = run();
        run.remove("REGISTRY_URL");
        run.remove(ServiceProcess.REGISTRY_WEBHOOK_SECRET);

        assertThat(ServiceProcess.IMAGE_UPDATER.environment(run, 8087, kafka).keySet())
                .noneMatch(name -> name.startsWith("PLUMBLINE_REGISTR"))
                .contains("PLUMBLINE_WRITE_CREDENTIALS_SANDBOX_URL");
    }

    @Test
    void aOneMachineRunHasEveryServiceCreateItsTopicsWithOneReplicaForItsSingleBroker() {
        Map<String, String> run = new HashMap<>(BusCredentials.embedded("127.0.0.1:9092", kafka));
        run.put("GIT_SERVER_URL", "http://127.0.0.1:1/git");
        run.put("GIT_USERNAME", "plumbline");
        run.put("GIT_PASSWORD", "secret");

        for (ServiceProcess service : ServiceProcess.values()) {
            assertThat(service.environment(run, 8081, kafka))
                    .as(service.module)
                    .containsEntry("PLUMBLINE_TOPICS_REPLICATION_FACTOR", "1")
                    .containsEntry("PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS", "1");
        }
    }
}
