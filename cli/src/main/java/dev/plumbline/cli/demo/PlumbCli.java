package dev.plumbline.cli.demo;

/** The {@code plumb} commands the story uses as a person would (app pause, drift export), run against the run. */
@FunctionalInterface
public interface PlumbCli {

    Outcome run(String... args);

    /** What the command printed and its exit code. */
    record Outcome(int exitCode, String out, String err) {

        public String describe() {
            return (out + err).strip();
        }
    }
}
