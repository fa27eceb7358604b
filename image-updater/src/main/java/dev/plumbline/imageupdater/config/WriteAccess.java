package dev.plumbline.imageupdater.config;

import dev.plumbline.engine.application.RepoLocation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
 * @param project  the project on the host, e.g. {@code shop/deploy}; {@code {repo}} in it stands for the repository's
 *                 last path segment (one credential for every {@code <name>.git} of a server); null to take the
 *                 repository URL's path ({@code https://github.com/shop/deploy.git} is {@code shop/deploy})
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

    /** The project of a repository this credential covers on its host; empty when it cannot be told. */
    public Optional<String> projectFor(String repoUrl) {
        List<String> segments =
                RepoLocation.of(repoUrl).map(RepoLocation::segments).orElse(List.of());
        if (project != null) {
            if (!project.contains("{repo}")) {
                return Optional.of(project);
            }
            return segments.isEmpty()
                    ? Optional.empty()
                    : Optional.of(project.replace("{repo}", segments.get(segments.size() - 1)));
        }
        // the path as written (hosts match project names without case, but show them as created)
        return segments.size() < 2 ? Optional.empty() : Optional.of(writtenPath(repoUrl));
    }

    /** Whether pull requests can be opened with it for a repository: a host, an API URL and a project. */
    public boolean opensPullRequests(String repoUrl) {
        return host != null && apiUrl != null && projectFor(repoUrl).isPresent();
    }

    private static String writtenPath(String repoUrl) {
        String path = RepoLocation.uri(repoUrl).getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
    }

    /** Names the setting, never its secrets. */
    @Override
    public String toString() {
        return "WriteAccess[" + name + " for " + RepoLocation.withoutPassword(url) + "]";
    }
}
