package dev.plumbline.imageupdater.host;

import dev.plumbline.events.vocabulary.Term;
import java.net.URI;
import java.util.Optional;

/** The Git hosts whose pull-request API the image-updater speaks; read as {@code github}, {@code gitlab}, … */
public enum HostKind implements Term {
    GITHUB("GitHub", "https://api.github.com"),
    GITLAB("GitLab", "https://gitlab.com/api/v4"),
    /** Gitea and Forgejo, and the sandbox Git server; self-hosted, so there is no default API URL. */
    GITEA("Gitea", null),
    BITBUCKET("Bitbucket Cloud", "https://api.bitbucket.org/2.0");

    private final String displayName;
    private final String defaultApiUrl;

    HostKind(String displayName, String defaultApiUrl) {
        this.displayName = displayName;
        this.defaultApiUrl = defaultApiUrl;
    }

    /** The host's name as people know it, for messages. */
    public String displayName() {
        return displayName;
    }

    /** The API root used when none is configured: the public service's (none for Gitea). */
    public Optional<URI> defaultApiUrl() {
        return Optional.ofNullable(defaultApiUrl).map(URI::create);
    }
}
