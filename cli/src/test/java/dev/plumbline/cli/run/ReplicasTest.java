package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    @Test
    void readsACountForEachScalableService() {
        assertThat(Replicas.parse("renderer=2, reconciler=3,drift-auditor=2,notifier=1"))
                .containsOnly(
                        Map.entry("renderer", 2),
                        Map.entry("reconciler", 3),
                        Map.entry("drift-auditor", 2),
                        Map.entry("notifier", 1));
    }

    @Test
    void refusesSeveralGitWatchersAndSaysWhyAndWhatScales() {
        assertThatThrownBy(() -> Replicas.parse("git-watcher=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("git-watcher runs as one instance")
                .hasMessageContaining("mirrors")
                .hasMessageContaining("docs/design.md, \"Delivery\"")
                .hasMessageContaining("renderer, reconciler, drift-auditor, notifier");
        assertThatThrownBy(() -> Replicas.parse("reconciler=2,image-updater=3"))
                .hasMessageContaining("image-updater runs as one instance")
                .hasMessageContaining("promotion branch");
    }

    @Test
    void aSingleGitWatcherIsWhatItIsAnyway() {
        assertThat(Replicas.parse("git-watcher=1")).containsOnly(Map.entry("git-watcher", 1));
    }

    @Test
    void refusesAnUnknownServiceByName() {
        assertThatThrownBy(() -> Replicas.parse("reconcilers=2"))
                .hasMessageContaining("there is no service called 'reconcilers'")
                .hasMessageContaining("renderer, reconciler, drift-auditor, notifier");
    }

    @Test
    void refusesBadSyntaxNamingThePartThatIsWrong() {
        assertThatThrownBy(() -> Replicas.parse("reconciler:2"))
                .hasMessageContaining("'reconciler:2' is not service=count");
        assertThatThrownBy(() -> Replicas.parse("reconciler=2,")).hasMessageContaining("'' is not service=count");
        assertThatThrownBy(() -> Replicas.parse("reconciler=two"))
                .hasMessageContaining("the count of reconciler must be a whole number from 1 to 6");
        assertThatThrownBy(() -> Replicas.parse("reconciler=2,reconciler=3"))
                .hasMessageContaining("reconciler is named twice");
        assertThatThrownBy(() -> Replicas.parse(" ")).hasMessageContaining("--replicas needs service=count pairs");
    }

    @Test
    void refusesCountsOutsideThePartitionsThatDivideTheWork() {
        assertThatThrownBy(() -> Replicas.parse("notifier=0")).hasMessageContaining("notifier=0: the count must be");
        assertThatThrownBy(() -> Replicas.parse("notifier=7"))
                .hasMessageContaining("6 partitions; an instance past them would get no work");
    }

    @Test
    void settingsRefuseWhatTheOptionRefuses() {
        StackSettings settings = new StackSettings(
                9092, 8090, 8091, StackSettings.ServicePorts.defaults(), Optional.empty(), Optional.empty());

        assertThat(settings.withReplicas(Map.of("reconciler", 2)).replicas("reconciler"))
                .isEqualTo(2);
        assertThat(settings.withReplicas(Map.of("reconciler", 2)).replicas("renderer"))
                .isEqualTo(1);
        assertThatThrownBy(() -> settings.withReplicas(Map.of("git-watcher", 2)))
                .hasMessageContaining("git-watcher runs as one instance");
    }

    @Test
    void oneInstanceKeepsTheModuleNameAndSeveralAreNumberedFromOne() {
        assertThat(Replicas.instanceNames("reconciler", 1)).containsExactly("reconciler");
        assertThat(Replicas.instanceNames("drift-auditor", 3))
                .containsExactly("drift-auditor-1", "drift-auditor-2", "drift-auditor-3");
    }

    @Test
    void tellsWhichServiceAComponentIsAnInstanceOf() {
        assertThat(Replicas.serviceOf("reconciler")).contains(ServiceProcess.RECONCILER);
        assertThat(Replicas.serviceOf("drift-auditor-2")).contains(ServiceProcess.DRIFT_AUDITOR);
        assertThat(Replicas.serviceOf("kafka")).isEmpty();
        assertThat(Replicas.serviceOf("reconciler-x")).isEmpty();
    }

    @Test
    void eachInstanceGetsItsNameAndItsOwnFolder(@org.junit.jupiter.api.io.TempDir Path runDir) {
        Map<String, String> run = new LinkedHashMap<>(BusCredentials.embedded("127.0.0.1:9092", runDir));
        run.put("KUBECONFIG", "/run/kubeconfig");

        Map<String, String> second = ServiceProcess.RECONCILER.instanceEnvironment(run, "reconciler-2", 0, runDir);
        Map<String, String> imageUpdater =
                ServiceProcess.IMAGE_UPDATER.instanceEnvironment(run, "image-updater", 8087, runDir);

        assertThat(second)
                .containsEntry("PLUMBLINE_INSTANCE", "reconciler-2")
                .containsEntry("QUARKUS_HTTP_PORT", "0")
                .containsEntry("KUBECONFIG", "/run/kubeconfig");
        assertThat(imageUpdater)
                .containsEntry("PLUMBLINE_INSTANCE", "image-updater")
                .containsEntry(
                        "PLUMBLINE_IMAGE_UPDATER_WORK_DIR",
                        runDir.resolve("image-updater").toString());
    }

    @Test
    void theEnvFileNamesTheFirstInstanceAndListsEveryInstanceOfEveryService() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("git-watcher", "http://127.0.0.1:8081");
        urls.put("reconciler-1", "http://127.0.0.1:8083");
        urls.put("reconciler-2", "http://127.0.0.1:40001");

        assertThat(Replicas.urlVariables(urls))
                .containsOnly(
                        Map.entry("GIT_WATCHER_URL", "http://127.0.0.1:8081"),
                        Map.entry("GIT_WATCHER_INSTANCES", "git-watcher=http://127.0.0.1:8081"),
                        Map.entry("RECONCILER_URL", "http://127.0.0.1:8083"),
                        Map.entry(
                                "RECONCILER_INSTANCES",
                                "reconciler-1=http://127.0.0.1:8083,reconciler-2=http://127.0.0.1:40001"));
    }
}
