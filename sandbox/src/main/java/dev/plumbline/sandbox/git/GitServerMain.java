package dev.plumbline.sandbox.git;

import dev.plumbline.sandbox.launch.Options;
import dev.plumbline.sandbox.launch.StandaloneRun;
import java.nio.file.Path;
import java.util.Optional;

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
        // before Jetty asks for a logger
        StandaloneRun.quietLogging();
        Path root = Path.of(DEFAULT_ROOT);
        int port = 0;
        String username = System.getenv("GIT_USERNAME");
        String password = System.getenv("GIT_PASSWORD");
        String readerUsername = System.getenv("GIT_READER_USERNAME");
        String readerPassword = System.getenv("GIT_READER_PASSWORD");
        Optional<BasicCredentials> credentials = Optional.empty();
        Optional<BasicCredentials> reader = Optional.empty();
        Options options = new Options(args);
        try {
            while (options.next()) {
                switch (options.name()) {
                    case "--root" -> root = Path.of(options.value());
                    case "--port" -> port = options.port(0);
                    case "--username" -> username = options.value();
                    case "--password" -> password = options.value();
                    case "--reader-username" -> readerUsername = options.value();
                    case "--reader-password" -> readerPassword = options.value();
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw options.unknown();
                }
            }
            credentials = credentialsOf(username, password);
            reader = credentialsOf(readerUsername, readerPassword);
            if (reader.isPresent() && credentials.isEmpty()) {
                throw new IllegalArgumentException("a read-only user needs the writing user (--username, --password)");
            }
        } catch (IllegalArgumentException e) {
            StandaloneRun.exitOnBadUsage(e.getMessage(), USAGE);
        }

        Path absoluteRoot = root.toAbsolutePath().normalize();
        GitServer server;
        try {
            server = serverFor(absoluteRoot, credentials, reader).start(port);
        } catch (IllegalArgumentException e) {
            StandaloneRun.exitOnBadUsage(e.getMessage(), null);
            return;
        }
        StandaloneRun.serveUntilStopped(
                server::close, "git-server-shutdown", "git ready at " + server.url() + " root=" + absoluteRoot);
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
}
