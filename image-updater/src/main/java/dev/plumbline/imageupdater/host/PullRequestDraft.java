package dev.plumbline.imageupdater.host;

import java.util.Objects;

/**
 * What a pull request should say and join: {@code branch} into {@code base}, both in the same repository. An update
 * changes only the title and the body; the branches of an open pull request stay as they are on every host.
 */
public record PullRequestDraft(String title, String body, String branch, String base) {

    public PullRequestDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(base, "base");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a pull request needs a title");
        }
    }
}
