package dev.plumbline.gitwatcher.repo;

import dev.plumbline.engine.application.RepoLocation;
import java.nio.file.Path;
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
        return RepoLocation.covers(urlPrefix, url);
    }

    public Optional<String> passwordValue() {
        return Optional.ofNullable(password);
    }

    /** Names the setting, never its secret, so that a log line or an exception message cannot leak it. */
    @Override
    public String toString() {
        return "RepoCredentials[" + name + " for " + urlPrefix + "]";
    }
}
