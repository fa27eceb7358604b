package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.cli.demo.ApplicationView;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.PlumbCli;
import dev.plumbline.cli.run.LocalStack;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Run it" section, followed word for word by a shell on a run started as {@code plumb up} starts
 * one: every shell block of the section after {@code ./plumb up} runs as written, with kubectl and git from the
 * PATH, and the Application it creates must be synced. A step of the README that stops working fails here.
 */
@Tag("system")
class ReadmeRunItIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Pattern SHELL_BLOCK = Pattern.compile("(?m)^```\\n(.*?)^```$", Pattern.DOTALL);

    @TempDir
    static Path runDir;

    @TempDir
    static Path userDir;

    static RunningStack stack;
    static LiveSystem live;

    @BeforeAll
    static void startARun() throws IOException {
        Assumptions.assumeTrue(onPath("kubectl"), "the README's Run it section uses kubectl, which is not installed");
        Assumptions.assumeTrue(onPath("git"), "the README's Run it section uses git, which is not installed");
        RunLayout layout = new RunLayout(Path.of("..").toAbsolutePath().normalize(), runDir);
        StackSettings settings = new StackSettings(
                        freePort(),
                        0,
                        0,
                        new StackSettings.ServicePorts(freePort(), 0, 0, 0, 0, 0),
                        Optional.empty(),
                        Optional.empty())
                .withRegistryPort(0);
        stack = new LocalStack(layout, settings, line -> {}).start();
        live = new LiveSystem(stack.environment());
        // the README's commands name the run as a user's checkout has it
        Files.createDirectories(userDir.resolve(".plumbline"));
        Files.createSymbolicLink(userDir.resolve(".plumbline/run"), runDir);
    }

    @AfterAll
    static void stopTheRun() {
        if (live != null) {
            live.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void theRunItSectionFollowedVerbatimDeploysTheApplication() throws Exception {
        List<String> steps = runItSteps(Files.readString(Path.of("../README.md")));
        assertThat(steps)
                .as("shell blocks of README's Run it section after ./plumb up")
                .isNotEmpty();

        Shell.Result result = Shell.run(userDir, String.join("\n", steps));

        assertThat(result.exitCode())
                .as("the README's steps, output:%n%s", result.output())
                .isZero();
        String pushed =
                Shell.run(userDir, "git -C config rev-parse HEAD").output().strip();
        await().atMost(WITHIN)
                .until(() -> live.application("web")
                        .map(app -> app.isSyncedAt(pushed))
                        .orElse(false));
        assertThat(live.configMap("shop", "web-settings").orElseThrow().getData())
                .containsEntry("greeting", "hello");
        PlumbCli.Outcome appGet = new InProcessPlumb(stack::environment).run("app", "get", "web");
        assertThat(appGet.exitCode()).isZero();
        assertThat(appGet.out()).contains("synced").contains("namespace shop");
        assertThat(live.application("web").flatMap(ApplicationView::drift))
                .as("drift of web")
                .isEmpty();
    }

    /** The shell blocks of the section {@code ## Run it}, less the one that starts the run. */
    static List<String> runItSteps(String readme) {
        int start = readme.indexOf("\n## Run it\n");
        assertThat(start).as("README has a Run it section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(section);
        while (block.find()) {
            if (!block.group(1).strip().startsWith("./plumb up")) {
                blocks.add(block.group(1));
            }
        }
        return blocks;
    }

    private static boolean onPath(String command) {
        return Shell.run(Path.of("."), "command -v " + command).exitCode() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** bash in a folder, with git's identity set as a user's own configuration would. */
    private static final class Shell {

        record Result(int exitCode, String output) {}

        static Result run(Path folder, String script) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(folder.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.remove("KUBECONFIG");
            env.put("GIT_AUTHOR_NAME", "Ana Lima");
            env.put("GIT_AUTHOR_EMAIL", "ana@example.com");
            env.put("GIT_COMMITTER_NAME", "Ana Lima");
            env.put("GIT_COMMITTER_EMAIL", "ana@example.com");
            try {
                Path output = Files.createTempFile("readme-step", ".log");
                Process process = builder.redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                boolean ended = process.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor();
                }
                String printed = Files.readString(output);
                Files.delete(output);
                return ended ? new Result(process.exitValue(), printed) : new Result(-1, printed + "\n(timed out)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
