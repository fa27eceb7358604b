package dev.plumbline.sandbox.registry;

import dev.plumbline.sandbox.launch.Options;
import dev.plumbline.sandbox.launch.StandaloneRun;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the sandbox registry for one-machine runs:
 * {@code java -cp plumbline-sandbox.jar dev.plumbline.sandbox.registry.RegistryMain [--root DIR] [--port N]
 * [--notify URL]}. With {@code --notify}, pushes are posted to URL with {@code Authorization: Bearer <token>}, the
 * token from {@code REGISTRY_NOTIFY_TOKEN} (the environment keeps it out of the process list).
 *
 * <p>Prints exactly one line, {@code registry ready at http://127.0.0.1:PORT root=DIR}, once {@code /v2/} answers;
 * stops the registry on SIGTERM or Ctrl-C. Without Debian's {@code docker-registry} it says how to install it and
 * exits with 3.
 */
public final class RegistryMain {

    static final String DEFAULT_ROOT = ".plumbline/run/registry";
    static final int NOT_INSTALLED = 3;
    private static final String USAGE = "usage: RegistryMain [--root DIR] [--port N] [--notify URL]"
            + " (defaults: " + DEFAULT_ROOT + ", a free port, no notifications; REGISTRY_NOTIFY_TOKEN is sent as"
            + " Authorization: Bearer with each notification)";

    private RegistryMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(DEFAULT_ROOT);
        int port = 0;
        URI notify = null;
        Options options = new Options(args);
        try {
            while (options.next()) {
                switch (options.name()) {
                    case "--root" -> root = Path.of(options.value());
                    case "--port" -> port = options.port(0);
                    case "--notify" -> notify = urlOf(options.value());
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw options.unknown();
                }
            }
        } catch (IllegalArgumentException e) {
            StandaloneRun.exitOnBadUsage(e.getMessage(), USAGE);
        }
        if (!SandboxRegistry.installed()) {
            System.err.println("the registry is not started: " + SandboxRegistry.DEBIAN_BINARY
                    + " is missing; install it with: apt-get install docker-registry");
            System.exit(NOT_INSTALLED);
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        SandboxRegistry.Builder builder =
                SandboxRegistry.builder().storage(absoluteRoot).port(port);
        if (notify != null) {
            String token = System.getenv("REGISTRY_NOTIFY_TOKEN");
            builder.notify(
                    notify, token == null || token.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + token));
        }
        SandboxRegistry registry = builder.start();
        StandaloneRun.serveUntilStopped(
                registry::close, "registry-shutdown", "registry ready at " + registry.url() + " root=" + absoluteRoot);
    }

    private static URI urlOf(String value) {
        try {
            URI uri = URI.create(value);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (IllegalArgumentException notAUrl) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("--notify takes an http(s) URL, not " + value);
    }
}
