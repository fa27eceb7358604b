package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's REST API v3 (version 2022-11-28), for github.com and GitHub Enterprise Server: pull requests of one
 * {@code owner/repository}, approvals from its reviews.
 */
final class GitHubPullRequests implements PullRequestHost {

    private static final int PAGE = 100;
    private static final int MAX_REVIEW_PAGES = 10;

    private final RepositoryPulls pulls;
    private final String owner;

    GitHubPullRequests(HostHttp http, String owner, String repository) {
        this.pulls = new RepositoryPulls(http, owner, repository);
        this.owner = owner;
    }

    @Override
    public Optional<PullRequest> findOpen(String branch) {
        // head is owner:branch, since the branch is pushed to the repository itself, not to a fork
        JsonNode open = pulls.listOpen(
                "head=" + HostHttp.query(owner + ":" + branch) + "&per_page=" + PAGE,
                "list the open pull requests from " + branch);
        return PullRequestJson.GITHUB.from(branch, open);
    }

    @Override
    public PullRequest open(PullRequestDraft draft) {
        return pulls.open(draft);
    }

    @Override
    public PullRequest update(int number, PullRequestDraft draft) {
        return pulls.update(number, draft);
    }

    @Override
    public List<String> approvers(int number) {
        // reviews come oldest first; a later change request or dismissal takes an approval back, a comment does not
        Map<String, String> decisive = new LinkedHashMap<>();
        for (JsonNode review :
                pulls.reviews(number, PAGE, MAX_REVIEW_PAGES, page -> "per_page=" + PAGE + "&page=" + page)) {
            String state = review.path("state").asText();
            String user = review.path("user").path("login").asText();
            if (!user.isEmpty()
                    && List.of("APPROVED", "CHANGES_REQUESTED", "DISMISSED").contains(state)) {
                decisive.remove(user);
                decisive.put(user, state);
            }
        }
        return Approvals.approved(decisive, "APPROVED");
    }
}
