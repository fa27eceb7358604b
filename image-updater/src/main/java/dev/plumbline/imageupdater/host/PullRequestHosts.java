package dev.plumbline.imageupdater.host;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Makes the pull-request client for one project on one host. */
public final class PullRequestHosts {

    private static final Pattern TWO_PARTS = Pattern.compile("[^/\\s]+/[^/\\s]+");
    private static final Pattern GROUP_PATH = Pattern.compile("[^/\\s]+(/[^/\\s]+)+");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private PullRequestHosts() {}

    /**
     * @param apiUrl  the API's root ({@code https://api.github.com}, {@code https://HOST/api/v3},
     *                {@code https://gitlab.com/api/v4}, {@code https://HOST/api/v1}, {@code https://api.bitbucket.org/2.0});
     *                null for the host's public service (Gitea has none, so it needs one)
     * @param project {@code owner/repository} (GitHub, Gitea), the full path {@code group/subgroup/project} (GitLab),
     *                {@code workspace/repository-slug} (Bitbucket)
     * @param token   the API token, sent as the host expects it and never shown
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static PullRequestHost of(HostKind host, URI apiUrl, String project, String token, HttpClient client) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(client, "client");
        URI root = apiUrl != null
                ? apiUrl
                : host.defaultApiUrl()
                        .orElseThrow(() -> new IllegalArgumentException("a " + host.displayName()
                                + " host has no public API, so its api-url is needed (https://HOST/api/v1)"));
        if (!"https".equals(root.getScheme()) && !"http".equals(root.getScheme())) {
            throw new IllegalArgumentException(
                    "the api-url of a " + host.displayName() + " host is an http(s) URL, not " + root);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "a " + host.displayName() + " host needs an api-token that " + HostErrors.scopeNeeded(host));
        }
        String name = project == null ? "" : project.strip().replaceAll("^/+|/+$", "");
        boolean shaped = host == HostKind.GITLAB
                ? GROUP_PATH.matcher(name).matches()
                : TWO_PARTS.matcher(name).matches();
        if (!shaped) {
            throw new IllegalArgumentException("the project of a " + host.displayName() + " host is "
                    + HostErrors.projectShape(host) + ", not '" + project + "'");
        }
        HostHttp http = new HostHttp(host, root, name, headers(host, token), token, client);
        String[] parts = name.split("/");
        return switch (host) {
            case GITHUB -> new GitHubPullRequests(http, parts[0], parts[1]);
            case GITLAB -> new GitLabMergeRequests(http, name);
            case GITEA -> new GiteaPullRequests(http, parts[0], parts[1]);
            case BITBUCKET -> new BitbucketPullRequests(http, parts[0], parts[1]);
        };
    }

    /** The token as each host expects it, and the answers it is asked for. */
    private static Map<String, String> headers(HostKind host, String token) {
        return switch (host) {
            case GITHUB ->
                Map.of(
                        "Authorization", "Bearer " + token,
                        "Accept", "application/vnd.github+json",
                        "X-GitHub-Api-Version", "2022-11-28");
            case GITLAB -> Map.of("PRIVATE-TOKEN", token, "Accept", "application/json");
            case GITEA -> Map.of("Authorization", "token " + token, "Accept", "application/json");
            case BITBUCKET -> Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        };
    }

    /**
     * An HTTP client fit for the hosts: a connect timeout, and no redirects, so that the token is never sent to
     * another address (a moved repository answers 301: set the new project name).
     */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
