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

/** The renderer, with a warm Helm worker, stops on SIGTERM as Kubernetes stops a pod, and takes its worker along. */
@Tag("slow")
class SigtermWithHelmWorkersTest {

    @Test
    void aRendererWithAWarmHelmWorkerExits143OnSigtermAndItsWorkerEndsToo() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process renderer = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        TemplateThenWait.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<ProcessHandle> workers = List.of();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(renderer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the renderer templated a chart").isEqualTo(TemplateThenWait.READY);
            workers = renderer.children().toList();
            assertThat(workers).as("its Helm worker is running").isNotEmpty();

            renderer.destroy();

            await().atMost(Duration.ofSeconds(20)).until(() -> !renderer.isAlive());
            assertThat(renderer.exitValue()).isEqualTo(128 + 15);
            List<ProcessHandle> started = workers;
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
        } finally {
            renderer.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
