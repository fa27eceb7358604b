package dev.plumbline.gitwatcher.repo;

import java.nio.file.Path;
import java.util.Locale;
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

    public boolean appliesTo(String url) {
        return url.trim().toLowerCase(Locale.ROOT).startsWith(urlPrefix.trim().toLowerCase(Locale.ROOT));
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
