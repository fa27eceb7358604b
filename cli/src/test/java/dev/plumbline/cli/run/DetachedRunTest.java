package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class DetachedRunTest {

    @TempDir
    Path runDir;

    private Process process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void downStopsTheProcessesOfADetachedRunAndForgetsThem() throws Exception {
        RunLayout layout = new RunLayout(runDir, runDir);
        process = new ProcessBuilder("sleep", "300").start();
        Files.writeString(layout.processesFile(), process.pid() + " " + startedAt(process) + " kafka\n");

        assertThat(DetachedRun.stop(layout)).containsExactly("kafka");

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(layout.processesFile()).doesNotExist();
    }

    @Test
    void aRecycledPidOfAnotherProcessIsLeftAlone() throws IOException {
        RunLayout layout = new RunLayout(runDir, runDir);
        process = new ProcessBuilder("sleep", "300").start();
        long anEarlierStart = startedAt(process) - 60_000;
        Files.writeString(layout.processesFile(), process.pid() + " " + anEarlierStart + " kafka\n");

        assertThat(DetachedRun.stop(layout)).isEmpty();

        assertThat(process.isAlive()).isTrue();
        assertThat(layout.processesFile()).doesNotExist();
    }

    private static long startedAt(Process process) {
        return process.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    }

    @Test
    void downWithNothingRunningStopsNothing() {
        assertThat(DetachedRun.stop(new RunLayout(runDir, runDir))).isEmpty();
    }
}
