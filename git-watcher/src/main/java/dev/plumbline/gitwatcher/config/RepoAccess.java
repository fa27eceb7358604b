package dev.plumbline.gitwatcher.config;

import dev.plumbline.gitwatcher.repo.Redactor;
import dev.plumbline.gitwatcher.repo.RepoCredentials;
import dev.plumbline.gitwatcher.repo.SshSessions;
import dev.plumbline.gitwatcher.repo.TransportAuth;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials of each repository, from {@code plumbline.credentials.*}. A password or passphrase file (a mounted
 * Kubernetes Secret) is read at every fetch, so a rotated token is used without a restart.
 */
@ApplicationScoped
public class RepoAccess {

    private final GitWatcherConfig config;
    private final Redactor redactor;
    private final SshSessions ssh;

    public RepoAccess(GitWatcherConfig config) {
        this.config = config;
        this.redactor = new Redactor(() -> MaskedSecrets.of(config));
        this.ssh = new SshSessions(config.dataDir().resolve("ssh"));
    }

    /** How to authenticate to a repository URL: the credentials with the longest matching URL prefix, or none. */
    public TransportAuth authFor(String url) {
        List<RepoCredentials> all = new ArrayList<>();
        for (Map.Entry<String, GitWatcherConfig.Credentials> entry :
                config.credentials().entrySet()) {
            GitWatcherConfig.Credentials c = entry.getValue();
            if (!new RepoCredentials(entry.getKey(), c.url(), null, null, null, null, null).appliesTo(url)) {
                continue;
            }
            all.add(new RepoCredentials(
                    entry.getKey(),
                    c.url(),
                    c.username().orElse(null),
                    secret(c.password(), c.passwordFile(), "password"),
                    c.sshPrivateKeyFile().orElse(null),
                    c.sshKnownHostsFile().orElse(null),
                    secret(c.sshKeyPassphrase(), c.sshKeyPassphraseFile(), "SSH key passphrase")));
        }
        return TransportAuth.of(TransportAuth.select(all, url), ssh);
    }

    /** Masks configured secrets, and any user and password in URLs, in text about to be logged or shown. */
    public Redactor redactor() {
        return redactor;
    }

    void onStop(@Observes ShutdownEvent stop) {
        ssh.close();
    }

    private static String secret(Optional<String> value, Optional<Path> file, String what) {
        return value.orElseGet(() -> file.map(f -> read(f, what)).orElse(null));
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
