package dev.plumbline.renderer.render.helm;

import sun.misc.Signal;

/**
 * Gives SIGTERM and SIGINT back to the JVM. The Go runtime inside helm-java's native library installs its own
 * handlers when it loads, after which the JVM would ignore {@code kill} (and Kubernetes would have to SIGKILL the
 * pod). Exiting as the JVM itself does on these signals runs the shutdown hooks, so Quarkus stops as usual:
 * channels closed, offsets committed.
 */
public final class TerminationSignals {

    private static final int SIGNAL_EXIT_BASE = 128;

    private TerminationSignals() {}

    public static void restore() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(SIGNAL_EXIT_BASE + signal.getNumber()));
            } catch (IllegalArgumentException unsupported) {
                // a platform without this signal has nothing to give back
            }
        }
    }
}
