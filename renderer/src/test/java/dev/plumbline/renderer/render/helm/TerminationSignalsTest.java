package dev.plumbline.renderer.render.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A JVM that has templated a chart with helm-java still stops on SIGTERM, as Kubernetes stops a pod. */
@Tag("slow")
class TerminationSignalsTest {

    @Test
    void aJvmThatRanHelmStopsOnSigterm() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(), "-cp", System.getProperty("java.class.path"), HelmThenWait.class.getName()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the child JVM templated a chart").isEqualTo(HelmThenWait.READY);

            process.destroy();

            await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
            assertThat(process.exitValue()).isEqualTo(128 + 15);
        } finally {
            process.destroyForcibly();
        }
    }
}
