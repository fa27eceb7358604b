package dev.plumbline.cli.run;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sandbox's OCI registry for a one-machine run: the CNCF distribution registry as Debian packages it
 * ({@code docker-registry}), on 127.0.0.1 with its blobs on disk, telling the image-updater of every push. It is
 * optional: without it a run has no registry and says how to install one.
 */
final class LocalRegistry {

    static final String PROGRAM = "docker-registry";
    static final String INSTALL = "apt-get install docker-registry";
    /** docker-registry's own line once it serves; its group is the address. */
    static final Pattern READY = Pattern.compile("listening on (\\S+?)\"");
    /** The path of the image-updater's endpoint for the distribution registry's notifications. */
    static final String NOTIFICATIONS_PATH = "/api/registry-webhooks/distribution";

    private LocalRegistry() {}

    /** The installed program: Debian's path first, then the PATH. */
    static Optional<Path> program() {
        Path debian = Path.of("/usr/bin", PROGRAM);
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, PROGRAM))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The registry's configuration: storage under {@code storage}, listening on 127.0.0.1:{@code port}, and each
     * push of a manifest announced to {@code notify} with the secret as a bearer token. Logged at info, as its
     * "listening on" line says it is ready; that log also prints the endpoint's headers, so it is the owner's only.
     */
    static String configuration(Path storage, int port, URI notify, String secret) {
        return """
                version: 0.1
                log:
                  level: info
                  formatter: text
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: "%s"
                health:
                  storagedriver:
                    enabled: false
                notifications:
                  endpoints:
                    - name: image-updater
                      url: %s
                      headers:
                        Authorization: ["Bearer %s"]
                      timeout: 5s
                      threshold: 5
                      backoff: 2s
                      ignoredmediatypes: ["application/octet-stream"]
                      ignore:
                        actions: ["pull"]
                """.formatted(
                quoted(storage.toAbsolutePath().toString()), port, Secrets.random(), quoted(notify.toString()), secret);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
