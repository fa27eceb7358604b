package dev.plumbline.cli.run;

import java.util.regex.Pattern;

/** How the supervisor knows a started component is ready. */
public sealed interface Readiness {

    /** The component prints a line matching this pattern when ready; its first group carries what it chose. */
    record ReadyLine(Pattern pattern) implements Readiness {}

    /**
     * A Quarkus service: it prints the port it listens on, then answers 200 on {@code /q/health/ready} once its
     * Kafka connection works. Reading the port from its log lets a run ask for any free port (0).
     */
    record QuarkusService() implements Readiness {

        static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^\\s]+:(\\d+)");
    }
}
