package dev.plumbline.gitwatcher.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real webhook payloads in {@code shared/fixtures/webhooks}, found beside the clone: the folder is looked for
 * upwards from the module, since CI checks the project out with {@code shared/} next to it.
 */
public final class WebhookFixtures {

    /** The secret every fixture's signature is made with. */
    public static final String SECRET = "It's a Secret to Everybody";

    /**
     * GitLab's token in every GitLab fixture, in place of the secret the files carry: GitLab sends its token in clear,
     * so Plumbline refuses a token that is also another receiver's secret. The token signs nothing: the body is
     * unchanged.
     */
    public static final String GITLAB_TOKEN = "a GitLab token, never another receiver's secret";

    private static final Path FOLDER = locate();

    private WebhookFixtures() {}

    /** Every payload, by file name (without {@code .json}); the JSON schema beside them is not a payload. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] body(String name) {
        try {
            return Files.readAllBytes(FOLDER.resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers as the provider sends them, comment lines left out, and GitLab's token {@link #GITLAB_TOKEN}. */
    public static Map<String, String> headers(String name) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : Files.readAllLines(FOLDER.resolve(name + ".headers"))) {
                int colon = line.indexOf(':');
                if (line.startsWith("#") || colon < 0) {
                    continue;
                }
                String header = line.substring(0, colon).strip();
                headers.put(
                        header,
                        header.equalsIgnoreCase("X-Gitlab-Token")
                                ? GITLAB_TOKEN
                                : line.substring(colon + 1).strip());
            }
            return headers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The receiver a fixture is sent to, from its provider's name at the start of the file name. */
    public static Endpoint endpoint(String name) {
        return Endpoint.valueOf(name.substring(0, name.indexOf('-')).toUpperCase(java.util.Locale.ROOT));
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures").resolve("webhooks");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared/fixtures/webhooks was not found in " + Path.of("").toAbsolutePath()
                        + " or any folder above it; check the shared fixtures out beside the project");
    }
}
