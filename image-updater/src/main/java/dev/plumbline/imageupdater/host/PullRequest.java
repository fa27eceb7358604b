package dev.plumbline.imageupdater.host;

import java.util.Objects;

/**
 * A pull request (GitLab: merge request) as the host reports it.
 *
 * @param number the number people see and the API addresses it by (GitLab's {@code iid}, Bitbucket's {@code id})
 * @param url    the page a reviewer opens
 * @param branch the source branch
 */
public record PullRequest(int number, String url, String branch, String title) {

    public PullRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(title, "title");
    }
}
