package dev.plumbline.renderer.render.kustomize;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.RenderSizeCap;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kustomize build command: the first of the configured candidates whose program is installed (by default
 * {@code kustomize build}, then {@code kubectl kustomize}, as Argo CD users find one or the other). It runs with an
 * environment of only {@code PATH} and a scratch {@code HOME}, so no credential of the renderer's reaches it.
 */
public final class KustomizeCommand {

    /** How often a running build's output is measured against the cap. */
    private static final Duration OUTPUT_CHECK = Duration.ofMillis(50);

    private final List<String> candidates;
    private final String path;
    private final long maxOutputBytes;
    private volatile List<String> resolved;

    /**
     * @param candidates commands such as {@code kustomize build}; the folder to build is appended
     * @param path       the {@code PATH} to look programs up in
     */
    public KustomizeCommand(List<String> candidates, String path) {
        this(candidates, path, Long.MAX_VALUE);
    }

    /**
     * @param maxOutputBytes the most output a build may write ({@code plumbline.render.max-bytes}); a build that
     *                       writes more is stopped
     */
    public KustomizeCommand(List<String> candidates, String path, long maxOutputBytes) {
        this.candidates = List.copyOf(candidates);
        this.path = path == null ? "" : path;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** The command that will run, without the folder; empty when no candidate is installed. */
    public Optional<List<String>> command() {
        List<String> command = resolved;
        if (command == null) {
            command = candidates.stream()
                    .map(candidate -> Arrays.asList(candidate.trim().split("\\s+")))
                    .filter(words ->
                            !words.get(0).isEmpty() && locate(words.get(0)).isPresent())
                    .findFirst()
                    .map(words -> {
                        List<String> absolute = new ArrayList<>(words);
                        absolute.set(0, locate(words.get(0)).orElseThrow().toString());
                        return List.copyOf(absolute);
                    })
                    .orElse(null);
            resolved = command;
        }
        return Optional.ofNullable(command);
    }

    /**
     * Builds {@code folder}, writing the objects to {@code output}.
     *
     * @throws RenderFailure {@code tool-missing} when no candidate is installed, {@code kustomize-error} with
     *                       kustomize's own message when it fails, {@code render-too-large} when its output grows
     *                       past the cap
     */
    public void build(Path folder, Path output, Path scratch, String kustomizationFile) throws InterruptedException {
        List<String> command = new ArrayList<>(command()
                .orElseThrow(() -> new RenderFailure(
                        RenderFailureReason.TOOL_MISSING,
                        "no kustomize is installed where the renderer runs: tried "
                                + String.join(", ", candidates) + " on PATH " + path
                                + "; install kustomize or kubectl, or set "
                                + "plumbline.render.kustomize.commands")));
        command.add(folder.toString());
        Path errors = scratch.resolve("kustomize.stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", path);
        environment.put("HOME", scratch.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.TOOL_MISSING, "cannot start " + command.get(0) + ": " + e.getMessage());
        }
        try {
            int exit = waitWithinCap(process, output, kustomizationFile);
            if (exit != 0) {
                throw new RenderFailure(
                        RenderFailureReason.KUSTOMIZE_ERROR,
                        kustomizationFile + ": kustomize failed: " + readErrors(errors),
                        kustomizationFile,
                        null);
            }
        } finally {
            // on a timeout the render thread is interrupted: kill the build and what it started
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /**
     * Waits for the build, measuring its output as it grows: past the cap it is stopped there, before its output
     * is read at all (the caller's {@code finally} kills it and what it started).
     */
    private int waitWithinCap(Process process, Path output, String kustomizationFile) throws InterruptedException {
        while (!process.waitFor(OUTPUT_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
            if (sizeOf(output) > maxOutputBytes) {
                throw tooLarge(kustomizationFile);
            }
        }
        if (sizeOf(output) > maxOutputBytes) {
            throw tooLarge(kustomizationFile);
        }
        return process.exitValue();
    }

    private RenderFailure tooLarge(String kustomizationFile) {
        return RenderSizeCap.tooLarge(
                "the kustomize output of " + kustomizationFile + " grew past the cap, so the build was stopped",
                maxOutputBytes);
    }

    private static long sizeOf(Path output) {
        try {
            return Files.size(output);
        } catch (IOException notWrittenYet) {
            return 0;
        }
    }

    private Optional<Path> locate(String program) {
        if (program.contains(File.separator)) {
            Path direct = Path.of(program);
            return Files.isExecutable(direct) ? Optional.of(direct) : Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String readErrors(Path errors) {
        try {
            String text = Files.readString(errors, StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? text.substring(0, 2000) + " …" : text;
        } catch (IOException e) {
            return "(its error output could not be read: " + e.getMessage() + ")";
        }
    }
}
