package dev.plumbline.gitwatcher.config;

import dev.plumbline.gitwatcher.repo.Redactor;
import dev.plumbline.gitwatcher.repo.RepoCredentials;
import dev.plumbline.gitwatcher.repo.TransportAuth;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The credentials of each repository, from {@code plumbline.credentials.*}. A password file (a mounted Kubernetes
 * Secret) is read at every fetch, so a rotated token is used without a restart.
 */
@ApplicationScoped
public class RepoAccess {

    private final GitWatcherConfig config;
    private final Redactor redactor;

    public RepoAccess(GitWatcherConfig config) {
        this.config = config;
        List<String> secrets = new ArrayList<>();
        config.credentials().values().forEach(c -> c.password().ifPresent(secrets::add));
        config.webhook().secret().ifPresent(secrets::add);
        this.redactor = new Redactor(secrets);
    }

    /** How to authenticate to a repository URL: the credentials with the longest matching URL prefix, or none. */
    public TransportAuth authFor(String url) {
        List<RepoCredentials> all = new ArrayList<>();
        for (Map.Entry<String, GitWatcherConfig.Credentials> entry : config.credentials().entrySet()) {
            GitWatcherConfig.Credentials c = entry.getValue();
            if (!new RepoCredentials(entry.getKey(), c.url(), null, null, null, null).appliesTo(url)) {
                continue;
            }
            String password = c.password().orElseGet(() -> c.passwordFile().map(RepoAccess::read).orElse(null));
            all.add(new RepoCredentials(entry.getKey(), c.url(), c.username().orElse(null), password,
                    c.sshPrivateKeyFile().orElse(null), c.sshKnownHostsFile().orElse(null)));
        }
        return TransportAuth.of(TransportAuth.select(all, url), config.dataDir().resolve("ssh"));
    }

    /** Masks configured secrets, and any user and password in URLs, in text about to be logged or shown. */
    public Redactor redactor() {
        return redactor;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }
}
