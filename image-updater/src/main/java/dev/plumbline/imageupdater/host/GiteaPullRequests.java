package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gitea's (and Forgejo's) API v1: pull requests of one {@code owner/repository}, approvals from its reviews. The
 * sandbox Git server answers the same calls.
 */
final class GiteaPullRequests implements PullRequestHost {

    /** Gitea's largest page by default ({@code MAX_RESPONSE_ITEMS}). */
    private static final int PAGE = 50;

    private static final int MAX_PAGES = 20;

    private final RepositoryPulls pulls;

    GiteaPullRequests(HostHttp http, String owner, String repository) {
        this.pulls = new RepositoryPulls(http, owner, repository);
    }

    @Override
    public Optional<PullRequest> findOpen(String branch) {
        // the list cannot be filtered by source branch, so it is read page by page
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode open = pulls.listOpen("page=" + page + "&limit=" + PAGE, "list the open pull requests");
            Optional<PullRequest> found = PullRequestJson.GITHUB.from(branch, open);
            if (found.isPresent() || open.size() < PAGE) {
                return found;
            }
        }
        return Optional.empty();
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
        Map<String, String> decisive = new LinkedHashMap<>();
        for (JsonNode review : pulls.reviews(number, PAGE, MAX_PAGES, page -> "page=" + page + "&limit=" + PAGE)) {
            String state = review.path("state").asText();
            String user = review.path("user").path("login").asText();
            if (user.isEmpty() || !List.of("APPROVED", "REQUEST_CHANGES").contains(state)) {
                continue;
            }
            decisive.remove(user);
            // a dismissed approval no longer counts, and takes the user's earlier approval with it
            decisive.put(user, review.path("dismissed").asBoolean(false) ? "DISMISSED" : state);
        }
        return Approvals.approved(decisive, "APPROVED");
    }
}
