package dev.plumbline.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds a kustomization as the renderer does: with {@code kustomize build}, else {@code kubectl kustomize}, the
 * first found on the PATH. Tests that need it are skipped, saying why, where neither is installed.
 */
final class Kustomize {

    private static final List<List<String>> CANDIDATES = List.of(
            List.of("kustomize", "build"), List.of("kubectl", "kustomize"));
    private static final Map<Path, String> BUILT = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The objects the kustomization in {@code folder} makes, as one YAML stream (built once per run). */
    static String build(Path folder) {
        List<String> command = command().orElse(null);
        Assumptions.assumeTrue(command != null,
                "neither kustomize nor kubectl is on the PATH: install one to render deploy/ (skipped)");
        return BUILT.computeIfAbsent(folder.toAbsolutePath().normalize(), path -> run(command, path));
    }

    static Optional<List<String>> command() {
        return CANDIDATES.stream().filter(candidate -> onPath(candidate.get(0))).findFirst();
    }

    private static String run(List<String> program, Path folder) {
        List<String> command = new ArrayList<>(program);
        command.add(folder.toString());
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
            }
            String stderr = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + stderr.strip());
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
