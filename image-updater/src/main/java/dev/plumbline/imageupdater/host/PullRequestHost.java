package dev.plumbline.imageupdater.host;

import java.util.List;
import java.util.Optional;

/** One project (repository) on a Git host, as far as promotions need it. Every call may throw {@link HostException}. */
public interface PullRequestHost {

    /** The open pull request whose source is {@code branch}, if there is one. */
    Optional<PullRequest> findOpen(String branch);

    /** Opens a pull request; its branch must already be pushed. */
    PullRequest open(PullRequestDraft draft);

    /** Replaces the title and body of pull request {@code number}. */
    PullRequest update(int number, PullRequestDraft draft);

    /** Who approved pull request {@code number} and still does, by user name, in the host's order. */
    List<String> approvers(int number);
}
