package dev.plumbline.imageupdater.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image repository: the registry host (with its port, if any) and the path inside it, for example
 * {@code 127.0.0.1:5000} and {@code shop/web}. Docker Hub is written {@code docker.io}, as image references name it.
 */
public record ImageRepository(String registry, String path) {

    public static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_API = "registry-1.docker.io";
    /** The distribution spec's repository name grammar: lowercase components separated by slashes. */
    private static final Pattern PATH =
            Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");

    public ImageRepository {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads a repository as written in config files and image references, without tag or digest: {@code nginx} is
     * {@code docker.io/library/nginx}, {@code ghcr.io/acme/web} and {@code 127.0.0.1:5000/shop/web} name their host.
     *
     * @throws IllegalArgumentException naming what is wrong and how to write it instead
     */
    public static ImageRepository parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("an image repository is required, for example 127.0.0.1:5000/shop/web");
        }
        String text = reference.strip();
        if (text.contains("@") || text.substring(text.lastIndexOf('/') + 1).contains(":")) {
            throw new IllegalArgumentException(
                    "'" + text + "' names a tag or digest; write the repository alone, for example "
                            + text.replaceFirst("[@].*$", "").replaceFirst("(/[^/:]+):[^/]*$", "$1"));
        }
        int slash = text.indexOf('/');
        String first = slash < 0 ? "" : text.substring(0, slash);
        boolean namesHost = first.contains(".") || first.contains(":") || first.equals("localhost");
        String registry = namesHost ? canonicalRegistry(first) : DOCKER_HUB;
        String path = namesHost ? text.substring(slash + 1) : text;
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (!HOST.matcher(registry).matches()) {
            throw new IllegalArgumentException("'" + text + "' has no valid registry host ('" + registry + "')");
        }
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("'" + text + "' has an invalid repository path '" + path
                    + "': lowercase letters, digits, '.', '_', '-' and '/' between components");
        }
        return new ImageRepository(registry, path);
    }

    /** A registry host as references name it: lowercase, and Docker Hub's aliases as {@code docker.io}. */
    static String canonicalRegistry(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.equals("index.docker.io") || lower.equals(DOCKER_HUB_API) ? DOCKER_HUB : lower;
    }

    /** The host the registry's API answers on: Docker Hub's differs from the name images are written with. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
    }

    /** The host without its port, to tell loopback registries (served over plain HTTP) from others. */
    public String hostName() {
        if (registry.startsWith("[")) {
            return registry.substring(1, registry.indexOf(']'));
        }
        int colon = registry.lastIndexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }

    @Override
    public String toString() {
        return registry + "/" + path;
    }
}
