package dev.plumbline.engine.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A repository URL as the services compare it when they pick credentials for it: scheme, user, host, port and path
 * segments; all but the user lowercase, the port filled in when left out, a trailing {@code .git} dropped. Compared
 * as text, {@code https://git.acme.com} would also prefix {@code https://git.acme.com@evil.example/x} (whose host is
 * evil.example) and {@code https://git.acme.com.evil.example/x}, and a token would go there. The git-watcher's read
 * credentials and the image-updater's write credentials are both matched this way.
 */
public record RepoLocation(String scheme, String user, String host, int port, List<String> segments) {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("https", 443, "http", 80, "ssh", 22, "git", 9418);

    public RepoLocation {
        segments = List.copyOf(segments);
    }

    /** The location of a URL; empty when it is not a URL, or has {@code .} or {@code ..} segments. */
    public static Optional<RepoLocation> of(String raw) {
        try {
            URI uri = uri(raw);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORTS.getOrDefault(scheme, -1);
            List<String> segments = new ArrayList<>();
            for (String segment : (uri.getRawPath() == null ? "" : uri.getRawPath()).split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.empty();
                }
                if (!segment.isEmpty()) {
                    segments.add(segment.toLowerCase(Locale.ROOT));
                }
            }
            if (!segments.isEmpty() && segments.get(segments.size() - 1).endsWith(".git")) {
                String last = segments.remove(segments.size() - 1);
                segments.add(last.substring(0, last.length() - 4));
            }
            return Optional.of(new RepoLocation(
                    scheme, uri.getUserInfo(), uri.getHost().toLowerCase(Locale.ROOT), port, segments));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code url} lies under {@code prefix}: the same scheme, host and port (a scheme's default port written
     * or not), the prefix's user if it names one ({@code ssh://deploy@host/}), and a path whose first segments are
     * the prefix's whole segments. A URL or prefix that is not a URL matches nothing.
     */
    public static boolean covers(String prefix, String url) {
        Optional<RepoLocation> target = of(url);
        Optional<RepoLocation> under = of(prefix);
        return target.isPresent() && under.isPresent() && target.get().isUnder(under.get());
    }

    public boolean isUnder(RepoLocation prefix) {
        return scheme.equals(prefix.scheme)
                && (prefix.user == null || prefix.user.equals(user))
                && host.equals(prefix.host)
                && port == prefix.port
                && segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /**
     * The URL as a URI, an scp-like SSH address ({@code git@host:org/repo}) turned into {@code ssh://}.
     *
     * @throws IllegalArgumentException when it is not a URL with a scheme and a host; the message shows no password
     */
    public static URI uri(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a repository URL is not empty");
        }
        String text = raw.trim();
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        // scp-like SSH ("git@host:org/repo.git") has a colon before any slash and no "://"
        if (!text.contains("://") && colon > 0 && (slash < 0 || colon < slash)) {
            text = "ssh://" + text.substring(0, colon) + "/" + text.substring(colon + 1);
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not a repository URL: " + withoutPassword(raw));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a repository URL: " + withoutPassword(raw), e);
        }
    }

    /** Drops a user and password from a URL before it is shown in an error. */
    public static String withoutPassword(String raw) {
        return raw == null ? "null" : raw.replaceAll("//[^/@]*@", "//");
    }

    /** Shows no user name, which may be a token. */
    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + "/" + String.join("/", segments);
    }
}
