package dev.plumbline.gitwatcher.repo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to authenticate to the repositories whose URL starts with a prefix, as Argo CD's credential templates do:
 * HTTPS basic auth (a password or a token as the password) or an SSH key checked against known_hosts.
 *
 * @param name          the name of the setting, shown in place of the secret
 * @param urlPrefix     the repositories it applies to; the longest matching prefix wins
 * @param username      HTTPS user name
 * @param password      HTTPS password or token
 * @param sshKey        private key file for {@code ssh://} and {@code git@host:} URLs
 * @param knownHosts    known_hosts file the SSH server's key must be listed in
 * @param keyPassphrase passphrase of an encrypted SSH key
 */
public record RepoCredentials(
        String name,
        String urlPrefix,
        String username,
        String password,
        Path sshKey,
        Path knownHosts,
        String keyPassphrase) {

    /**
     * Whether these credentials go with requests to {@code url}: the same scheme, host and port (a scheme's default
     * port written or not), the prefix's user if it names one ({@code ssh://deploy@host/}), and a path whose first
     * segments are the prefix's, compared without case. Compared as
     * text, {@code https://git.acme.com} would also prefix {@code https://git.acme.com@evil.example/x} (whose host is
     * evil.example) and {@code https://git.acme.com.evil.example/x}, and send the token there. A URL or prefix that
     * is not a URL, or a URL with {@code .} or {@code ..} segments, matches nothing.
     */
    public boolean appliesTo(String url) {
        Optional<Location> target = Location.of(url);
        Optional<Location> prefix = Location.of(urlPrefix);
        return target.isPresent() && prefix.isPresent() && target.get().isUnder(prefix.get());
    }

    public Optional<String> passwordValue() {
        return Optional.ofNullable(password);
    }

    /**
     * Scheme, user, host, port and path segments of a repository URL; all but the user lowercase, the port filled in
     * when left out.
     */
    private record Location(String scheme, String user, String host, int port, List<String> segments) {

        private static final Map<String, Integer> DEFAULT_PORTS =
                Map.of("https", 443, "http", 80, "ssh", 22, "git", 9418);

        static Optional<Location> of(String raw) {
            try {
                URI uri = RepoUrl.parse(raw);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return Optional.empty();
                }
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
                return Optional.of(new Location(
                        scheme, uri.getUserInfo(), uri.getHost().toLowerCase(Locale.ROOT), port, segments));
            } catch (IllegalArgumentException notAUrl) {
                return Optional.empty();
            }
        }

        boolean isUnder(Location prefix) {
            return scheme.equals(prefix.scheme)
                    && (prefix.user == null || prefix.user.equals(user))
                    && host.equals(prefix.host)
                    && port == prefix.port
                    && segments.size() >= prefix.segments.size()
                    && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
        }
    }

    /** Names the setting, never its secret, so that a log line or an exception message cannot leak it. */
    @Override
    public String toString() {
        return "RepoCredentials[" + name + " for " + urlPrefix + "]";
    }
}
