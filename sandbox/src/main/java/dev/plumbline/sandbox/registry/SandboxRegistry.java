package dev.plumbline.sandbox.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code docker-registry} (the CNCF distribution registry) serving on 127.0.0.1 with filesystem storage,
 * for tests and one-machine runs. {@link Builder#start()} returns once {@code /v2/} answers; {@link #close()} stops
 * the process and its children and removes what it made (the storage too, unless it was given).
 */
public final class SandboxRegistry implements AutoCloseable {

    public static final Path DEBIAN_BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path storage;
    private final boolean ownsStorage;
    private final Path workFolder;

    private SandboxRegistry(Process process, int port, Path storage, boolean ownsStorage, Path workFolder) {
        this.process = process;
        this.port = port;
        this.storage = storage;
        this.ownsStorage = ownsStorage;
        this.workFolder = workFolder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the registry binary is installed here; tests that need it assume it. */
    public static boolean installed() {
        return Files.isExecutable(DEBIAN_BINARY);
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}: the host part of the image references it serves. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public URI url() {
        return URI.create("http://" + host());
    }

    public Path storage() {
        return storage;
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteTree(workFolder);
        if (ownsStorage) {
            deleteTree(storage);
        }
    }

    /** How to start one: storage, port and notification endpoint are optional. */
    public static final class Builder {

        private Path binary = DEBIAN_BINARY;
        private Path storage;
        private int port;
        private URI notifyUrl;
        private final Map<String, String> notifyHeaders = new LinkedHashMap<>();

        private Builder() {}

        /** Where images are stored, kept on close; without it a temporary folder, removed on close. */
        public Builder storage(Path folder) {
            this.storage = folder;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sends push notifications to {@code url} with these headers (for example {@code Authorization}). */
        public Builder notify(URI url, Map<String, String> headers) {
            this.notifyUrl = url;
            this.notifyHeaders.putAll(headers);
            return this;
        }

        /** Another distribution registry binary than Debian's. */
        public Builder binary(Path binary) {
            this.binary = binary;
            return this;
        }

        public SandboxRegistry start() {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("the distribution registry is not installed (" + binary
                        + " is missing); install it with: apt-get install docker-registry");
            }
            try {
                boolean ownsStorage = storage == null;
                Path folder = ownsStorage ? Files.createTempDirectory("plumbline-registry-data") : storage;
                Files.createDirectories(folder);
                int chosen = port == 0 ? freePort() : port;
                Path work = privateTempFolder();
                Path config = work.resolve("config.yml");
                Files.writeString(config, new RegistryConfig(folder, chosen, notifyUrl, notifyHeaders).yaml());
                Path log = work.resolve("registry.log");
                Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                SandboxRegistry registry = new SandboxRegistry(process, chosen, folder, ownsStorage, work);
                try {
                    registry.awaitReady(log);
                } catch (RuntimeException e) {
                    registry.close();
                    throw e;
                }
                return registry;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the registry: " + e.getMessage(), e);
            }
        }
    }

    /** Polls {@code /v2/} until it answers; waits on the process between polls, so an early exit is seen at once. */
    private void awaitReady(Path log) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(url().resolve("/v2/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the registry starts", e);
            }
            try {
                if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(
                            "the registry on port " + port + " exited with " + process.exitValue() + ": " + tail(log));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the registry starts", e);
            }
        }
        throw new IllegalStateException("the registry did not answer on " + url() + "/v2/ within "
                + START_TIMEOUT.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The config names the notification's Authorization header: only its owner may read it. */
    private static Path privateTempFolder() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    "plumbline-registry",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("plumbline-registry");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
