package dev.plumbline.sandbox.registry;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--root" -> root = Path.of(valueOf(args, ++i));
                    case "--port" -> port = portOf(valueOf(args, ++i));
                    case "--notify" -> notify = urlOf(valueOf(args, ++i));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            registry.close();
                            stopped.countDown();
                        },
                        "registry-shutdown"));
        System.out.println("registry ready at " + registry.url() + " root=" + absoluteRoot);
        stopped.await();
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

    private static int portOf(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + value);
    }

    private static String valueOf(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
