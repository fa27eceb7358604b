package dev.plumbline.sandbox.git;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Git server as its own JVM for one-machine runs:
 * {@code java -cp plumbline-sandbox.jar dev.plumbline.sandbox.git.GitServerMain [--root DIR] [--port N]
 * [--username U --password P] [--reader-username R --reader-password Q]}. The credentials may also come from
 * {@code GIT_USERNAME} and {@code GIT_PASSWORD} (and {@code GIT_READER_USERNAME}, {@code GIT_READER_PASSWORD} for a
 * second, read-only user), which keeps the passwords out of the process list; with neither, there is no auth.
 *
 * <p>Prints exactly one line, {@code git ready at http://127.0.0.1:PORT root=DIR}, once it serves; stops on
 * SIGTERM or Ctrl-C.
 */
public final class GitServerMain {

    static final String DEFAULT_ROOT = ".plumbline/run/git";
    private static final String USAGE = "usage: GitServerMain [--root DIR] [--port N] [--username U --password P]"
            + " [--reader-username R --reader-password Q] (defaults: " + DEFAULT_ROOT + ", a free port, no auth;"
            + " GIT_USERNAME, GIT_PASSWORD, GIT_READER_USERNAME and GIT_READER_PASSWORD also work)";

    private GitServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        // before Jetty asks for a logger: its INFO start-up lines would bury the ready line
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Path root = Path.of(DEFAULT_ROOT);
        int port = 0;
        String username = System.getenv("GIT_USERNAME");
        String password = System.getenv("GIT_PASSWORD");
        String readerUsername = System.getenv("GIT_READER_USERNAME");
        String readerPassword = System.getenv("GIT_READER_PASSWORD");
        Optional<BasicCredentials> credentials = Optional.empty();
        Optional<BasicCredentials> reader = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--root" -> root = Path.of(valueOf(args, ++i));
                    case "--port" -> port = portOf(valueOf(args, ++i));
                    case "--username" -> username = valueOf(args, ++i);
                    case "--password" -> password = valueOf(args, ++i);
                    case "--reader-username" -> readerUsername = valueOf(args, ++i);
                    case "--reader-password" -> readerPassword = valueOf(args, ++i);
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            credentials = credentialsOf(username, password);
            reader = credentialsOf(readerUsername, readerPassword);
            if (reader.isPresent() && credentials.isEmpty()) {
                throw new IllegalArgumentException("a read-only user needs the writing user (--username, --password)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }

        Path absoluteRoot = root.toAbsolutePath().normalize();
        GitServer server;
        try {
            server = serverFor(absoluteRoot, credentials, reader).start(port);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "git-server-shutdown"));
        System.out.println("git ready at " + server.url() + " root=" + absoluteRoot);
        stopped.await();
    }

    private static GitServer serverFor(
            Path root, Optional<BasicCredentials> writer, Optional<BasicCredentials> reader) {
        if (writer.isEmpty()) {
            return new GitServer(root);
        }
        return reader.isPresent() ? new GitServer(root, writer.get(), reader.get()) : new GitServer(root, writer.get());
    }

    private static Optional<BasicCredentials> credentialsOf(String username, String password) {
        boolean hasUsername = username != null && !username.isEmpty();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUsername != hasPassword) {
            throw new IllegalArgumentException("give both a username and a password, or neither");
        }
        return hasUsername ? Optional.of(new BasicCredentials(username, password)) : Optional.empty();
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
