package dev.plumbline.imageupdater.config;

import dev.plumbline.engine.application.RepoLocation;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One Git write credential: what it may write to, how to push, and how to open pull requests there.
 *
 * @param name     the setting's name, shown in place of its secrets
 * @param url      the repositories it covers (matched by {@link RepoLocation#covers})
 * @param username HTTPS user name
 * @param password HTTPS password or token; null for none
 * @param host     the pull-request host kind as written ({@code gitea}...); null when only direct commits are made
 * @param apiUrl   the host's API base; null with no host
 * @param apiToken the API token; the password when none is set
 * @param project  the project on the host, e.g. {@code shop/deploy}
 */
public record WriteAccess(
        String name,
        String url,
        String username,
        String password,
        String host,
        String apiUrl,
        String apiToken,
        String project) {

    /** The credential for a config repository: the covering one with the longest URL, or none. */
    public static Optional<WriteAccess> forRepository(Collection<WriteAccess> all, String repoUrl) {
        return all.stream()
                .filter(access -> RepoLocation.covers(access.url(), repoUrl))
                .max(Comparator.comparingInt(access -> RepoLocation.of(access.url())
                        .map(location -> location.segments().size())
                        .orElse(0)));
    }

    public String effectiveApiToken() {
        return apiToken != null ? apiToken : password;
    }

    /** Whether pull requests can be opened with it (host, API URL and project all set). */
    public boolean opensPullRequests() {
        return host != null && apiUrl != null && project != null;
    }

    /** Names the setting, never its secrets. */
    @Override
    public String toString() {
        return "WriteAccess[" + name + " for " + RepoLocation.withoutPassword(url) + "]";
    }
}
