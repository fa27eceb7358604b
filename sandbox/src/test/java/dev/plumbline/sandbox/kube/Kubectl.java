package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The kubectl on the PATH, run as a process against a kubeconfig, for tests. */
final class Kubectl {

    private static final long TIMEOUT_SECONDS = 30;

    /** What one kubectl run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
        Run succeeded() {
            assertThat(exitCode).as("kubectl failed; stderr:%n%s", stderr).isZero();
            return this;
        }
    }

    /** A kubectl left running, such as {@code get -w}, whose output can be read while it runs. */
    record Running(Process process, Path stdout, Path stderr) {
        String output() {
            try {
                return Files.readString(stdout);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        Run finished() {
            try {
                assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                        .as("kubectl finishes")
                        .isTrue();
                return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private final Path executable;
    private final Path kubeconfig;
    private final Path work;

    Kubectl(Path executable, Path kubeconfig, Path work) {
        this.executable = executable;
        this.kubeconfig = kubeconfig;
        this.work = work;
    }

    /** The kubectl on the PATH, if there is one. */
    static Optional<Path> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "kubectl");
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Run run(String... args) {
        return run(Map.of(), args);
    }

    Run run(Map<String, String> environment, String... args) {
        Running running = start(environment, args);
        try {
            if (!running.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                running.process().destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS
                        + "s; stderr:\n" + Files.readString(running.stderr()));
            }
            return running.finished();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts kubectl without waiting for it. */
    Running start(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().putAll(environment);
            // a cache of discovery and OpenAPI of its own, so that no run sees another API's documents
            builder.environment().put("KUBECACHEDIR", work.resolve("kube-cache").toString());
            Path stdout = Files.createTempFile(work, "kubectl", ".out");
            Path stderr = Files.createTempFile(work, "kubectl", ".err");
            Process process = builder.redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            return new Running(process, stdout, stderr);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
