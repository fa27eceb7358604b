package dev.plumbline.cli.run;

import java.net.URI;
import java.util.regex.Pattern;

/** How the supervisor knows a started component is ready. */
public sealed interface Readiness {

    /** The component prints a line matching this pattern when ready; its groups carry what it chose (a port). */
    record ReadyLine(Pattern pattern) implements Readiness {}

    /** The component answers 200 on this URL when ready (a Quarkus service's {@code /q/health/ready}). */
    record HealthEndpoint(URI url) implements Readiness {}
}
