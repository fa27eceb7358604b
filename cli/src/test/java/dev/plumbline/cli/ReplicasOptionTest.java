package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.cli.testing.Plumb;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicasOptionTest {

    @Test
    void upRefusesSeveralGitWatchersBeforeStartingAnything() {
        Plumb.Run run = Plumb.run(Map.of(), "up", "--replicas", "git-watcher=2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Invalid value for option '--replicas'")
                .contains("git-watcher runs as one instance")
                .doesNotContain("Exception");
    }

    @Test
    void benchAndDemoRefuseAnUnknownServiceByName() {
        Plumb.Run bench = Plumb.run(Map.of(), "bench", "--replicas", "reconciler=2,renderers=2");
        Plumb.Run demo = Plumb.run(Map.of(), "demo", "--replicas", "reconciler=2;notifier=2");

        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("there is no service called 'renderers'");
        assertThat(demo.exitCode()).isEqualTo(2);
        assertThat(demo.err()).contains("'reconciler=2;notifier=2' is not service=count");
    }

    @Test
    void helpTellsHowToRunSeveralInstances() {
        Plumb.Run help = Plumb.run(Map.of(), "up", "--help");

        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("--replicas=SERVICE=COUNT")
                .contains("git-watcher and the image-updater run as one instance");
    }
}
