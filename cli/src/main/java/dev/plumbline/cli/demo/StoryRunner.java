package dev.plumbline.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the story's steps in order and prints each one: what was done, then what the live system said back. A step
 * that the system does not confirm in time stops the story with the step's own message.
 */
public final class StoryRunner {

    /** One step: it acts, then returns the lines the live system confirmed it with. */
    @FunctionalInterface
    public interface Step {
        List<String> run();
    }

    /** What a finished step printed, for a caller (a test) to look at. */
    public record StepResult(String title, List<String> confirmations, Duration took) {}

    private final PrintWriter out;
    private final int steps;
    private final List<StepResult> results = new ArrayList<>();

    public StoryRunner(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    public void step(String title, Step step) {
        long started = System.nanoTime();
        out.printf("%n[%d/%d] %s%n", results.size() + 1, steps, title);
        out.flush();
        List<String> confirmations;
        try {
            confirmations = step.run();
        } catch (DemoStepException failure) {
            out.println("  ✗ " + failure.getMessage());
            out.flush();
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        confirmations.forEach(line -> out.println("  ✓ " + line));
        out.printf("  (%.1f s)%n", took.toMillis() / 1000.0);
        out.flush();
        results.add(new StepResult(title, confirmations, took));
    }

    /** Says what is being done, before the system confirms it. */
    public void doing(String line) {
        out.println("  · " + line);
        out.flush();
    }

    public List<StepResult> results() {
        return List.copyOf(results);
    }

    /**
     * Waits for the live system to give an answer; fails the step with {@code expected} (what should have been seen)
     * when it gives none within {@code timeout}.
     */
    public static <T> T confirm(String expected, Duration timeout, Supplier<Optional<T>> check) {
        return Poll.until(timeout, check)
                .orElseThrow(
                        () -> new DemoStepException("not confirmed within " + timeout.toSeconds() + " s: " + expected));
    }

    /** Like {@link #confirm} for an answer that arrives from an event log, which waits on its own. */
    public static <T> T confirmed(String expected, Duration timeout, Optional<T> answer) {
        return answer.orElseThrow(
                () -> new DemoStepException("not confirmed within " + timeout.toSeconds() + " s: " + expected));
    }
}
