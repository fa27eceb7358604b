package dev.plumbline.imageupdater.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OCI distribution API over {@code java.net.http}: the tags list (following {@code Link} pagination, at most
 * {@value #MAX_PAGES} pages and {@value #MAX_TAGS} tags) and a tag's manifest, image index and config blob, each
 * capped at {@value #MAX_DOCUMENT_BYTES} bytes and checked against its digest.
 */
public final class RegistryClient implements Registry {

    static final int MAX_PAGES = 50;
    static final int MAX_TAGS = 50_000;
    static final int PAGE_SIZE = 1000;
    static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("(sha256:[a-f0-9]{64})|(sha512:[a-f0-9]{128})");
    private static final String REVISION = "org.opencontainers.image.revision";
    private static final String SOURCE = "org.opencontainers.image.source";
    private static final String CREATED = "org.opencontainers.image.created";

    private final RegistryHttp http;

    /** A client with its own HTTP client and a 20 s timeout per request. */
    public RegistryClient(List<RegistryCredentials> credentials) {
        this(
                credentials,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                DEFAULT_TIMEOUT);
    }

    /** {@code client} must not follow redirects itself: this class follows them without leaking credentials. */
    public RegistryClient(List<RegistryCredentials> credentials, HttpClient client, Duration requestTimeout) {
        Map<String, RegistryCredentials> byRegistry = new HashMap<>();
        for (RegistryCredentials entry : credentials) {
            byRegistry.put(ImageRepository.canonicalRegistry(entry.registry()), entry);
        }
        this.http = new RegistryHttp(
                client,
                requestTimeout,
                registry -> byRegistry.getOrDefault(
                        ImageRepository.canonicalRegistry(registry), RegistryCredentials.anonymous(registry)),
                Clock.systemUTC());
    }

    @Override
    public List<String> tags(ImageRepository repository) {
        URI next = http.base(repository).resolve("/v2/" + repository.path() + "/tags/list?n=" + PAGE_SIZE);
        List<String> tags = new ArrayList<>();
        for (int page = 1; next != null; page++) {
            if (page > MAX_PAGES) {
                throw new RegistryException(
                        RegistryErrors.prefix(repository) + "the tags list goes on beyond " + MAX_PAGES
                                + " pages; delete old tags or narrow what the registry lists",
                        false);
            }
            RegistryHttp.Response response =
                    http.get(repository, next, "application/json", MAX_DOCUMENT_BYTES, "the tags list");
            for (JsonNode tag : RegistryJson.parse(repository, response.body(), "the tags list")
                    .path("tags")) {
                if (tag.isTextual()) {
                    tags.add(tag.asText());
                }
            }
            if (tags.size() > MAX_TAGS) {
                throw new RegistryException(
                        RegistryErrors.prefix(repository) + "the repository has more than " + MAX_TAGS
                                + " tags; delete old tags",
                        false);
            }
            next = nextPage(repository, response);
        }
        return List.copyOf(tags);
    }

    private URI nextPage(ImageRepository repository, RegistryHttp.Response response) {
        return LinkHeader.next(response.headers().allValues("Link"))
                .map(link -> {
                    URI uri = response.uri().resolve(link);
                    if (!uri.getAuthority().equalsIgnoreCase(response.uri().getAuthority())
                            || !uri.getScheme().equals(response.uri().getScheme())) {
                        throw RegistryErrors.malformed(
                                repository, "the tags list", "its next page " + uri + " is on another host");
                    }
                    return uri;
                })
                .orElse(null);
    }

    @Override
    public ImageVersion describe(ImageRepository repository, String tagOrDigest) {
        boolean byDigest = tagOrDigest != null && DIGEST.matcher(tagOrDigest).matches();
        if (!byDigest && (tagOrDigest == null || !TAG.matcher(tagOrDigest).matches())) {
            throw new RegistryException(
                    RegistryErrors.prefix(repository) + "'" + tagOrDigest + "' is neither a tag nor a sha256 digest",
                    false);
        }
        Document top = manifest(repository, tagOrDigest, byDigest ? tagOrDigest : null);
        Map<String, String> annotations = new HashMap<>(ImageManifests.annotations(top.json()));
        Document image = top;
        if (ImageManifests.isIndex(top.mediaType())) {
            String child = ImageManifests.platformDigest(top.json())
                    .orElseThrow(() -> RegistryErrors.malformed(
                            repository, "the image index of " + tagOrDigest, "it lists no manifests"));
            image = manifest(repository, child, child);
            annotations.putAll(ImageManifests.annotations(image.json()));
        } else if (!ImageManifests.isManifest(top.mediaType())) {
            throw RegistryErrors.malformed(
                    repository,
                    "the manifest of " + tagOrDigest,
                    "its media type " + top.mediaType()
                            + " is not an OCI or Docker v2 image; push it with a current client");
        }
        Map<String, String> labels = Map.of();
        Instant created = null;
        String configDigest = ImageManifests.configDigest(image.json());
        if (configDigest != null) {
            JsonNode config = blob(repository, configDigest);
            labels = ImageManifests.labels(config);
            created = instant(RegistryJson.text(config, "created"));
        }
        if (created == null) {
            created = instant(annotations.get(CREATED));
        }
        return new ImageVersion(
                repository,
                byDigest ? null : tagOrDigest,
                top.digest(),
                created,
                annotations.getOrDefault(REVISION, labels.get(REVISION)),
                annotations.getOrDefault(SOURCE, labels.get(SOURCE)));
    }

    private record Document(String digest, String mediaType, JsonNode json) {}

    private Document manifest(ImageRepository repository, String reference, String expectedDigest) {
        String what = "the manifest of " + reference;
        URI uri = http.base(repository).resolve("/v2/" + repository.path() + "/manifests/" + reference);
        RegistryHttp.Response response = http.get(repository, uri, ImageManifests.ACCEPT, MAX_DOCUMENT_BYTES, what);
        String served = response.headers().firstValue("Docker-Content-Digest").orElse(null);
        String digest = verifiedDigest(repository, what, response.body(), expectedDigest, served);
        JsonNode json = RegistryJson.parse(repository, response.body(), what);
        String mediaType = ImageManifests.mediaType(
                json, response.headers().firstValue("Content-Type").orElse(null));
        return new Document(digest, mediaType, json);
    }

    private JsonNode blob(ImageRepository repository, String digest) {
        String what = "the image config " + digest;
        if (!DIGEST.matcher(digest).matches()) {
            throw RegistryErrors.malformed(repository, what, "its digest is not sha256 or sha512 hex");
        }
        URI uri = http.base(repository).resolve("/v2/" + repository.path() + "/blobs/" + digest);
        byte[] body = http.get(repository, uri, null, MAX_DOCUMENT_BYTES, what).body();
        verifiedDigest(repository, what, body, digest, null);
        return RegistryJson.parse(repository, body, what);
    }

    /** The digest of {@code body}, which must equal the expected one and the one the registry says it served. */
    private static String verifiedDigest(
            ImageRepository repository, String what, byte[] body, String expected, String served) {
        for (String claimed : new String[] {expected, served}) {
            if (claimed != null && !claimed.equals(digestOf(body, claimed))) {
                throw new RegistryException(
                        RegistryErrors.prefix(repository) + what + " does not match its digest " + claimed
                                + "; the registry served other bytes than it names, it is not used",
                        false);
            }
        }
        if (expected != null) {
            return expected;
        }
        return served != null ? served : digestOf(body, "sha256:");
    }

    /** The body's digest in the algorithm {@code like} names (sha256 or sha512); unknown algorithms never match. */
    private static String digestOf(byte[] body, String like) {
        String algorithm = like.startsWith("sha512:") ? "SHA-512" : like.startsWith("sha256:") ? "SHA-256" : null;
        if (algorithm == null) {
            return null;
        }
        try {
            return algorithm.replace("-", "").toLowerCase(Locale.ROOT) + ":"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance(algorithm).digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
