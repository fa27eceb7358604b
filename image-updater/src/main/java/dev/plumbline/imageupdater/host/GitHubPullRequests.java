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

    private final HostHttp http;
    private final String owner;
    private final String repos;

    GitHubPullRequests(HostHttp http, String owner, String repository) {
        this.http = http;
        this.owner = owner;
        this.repos = "/repos/" + HostHttp.segment(owner) + "/" + HostHttp.segment(repository);
    }

    @Override
    public Optional<PullRequest> findOpen(String branch) {
        // head is owner:branch, since the branch is pushed to the repository itself, not to a fork
        JsonNode pulls = http.get(
                repos + "/pulls?state=open&head=" + HostHttp.query(owner + ":" + branch) + "&per_page=" + PAGE,
                "list the open pull requests from " + branch);
        for (JsonNode pull : pulls) {
            if (branch.equals(pull.path("head").path("ref").asText())) {
                return Optional.of(pullRequest(pull));
            }
        }
        return Optional.empty();
    }

    @Override
    public PullRequest open(PullRequestDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("body", draft.body());
        body.put("head", draft.branch());
        body.put("base", draft.base());
        return pullRequest(http.send(
                "POST",
                repos + "/pulls",
                body,
                "open a pull request from " + draft.branch() + " into " + draft.base()));
    }

    @Override
    public PullRequest update(int number, PullRequestDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", draft.title());
        body.put("body", draft.body());
        return pullRequest(http.send("PATCH", repos + "/pulls/" + number, body, "update pull request #" + number));
    }

    @Override
    public List<String> approvers(int number) {
        // reviews come oldest first; a later change request or dismissal takes an approval back, a comment does not
        Map<String, String> decisive = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_REVIEW_PAGES; page++) {
            JsonNode reviews = http.get(
                    repos + "/pulls/" + number + "/reviews?per_page=" + PAGE + "&page=" + page,
                    "read the reviews of pull request #" + number);
            for (JsonNode review : reviews) {
                String state = review.path("state").asText();
                String user = review.path("user").path("login").asText();
                if (!user.isEmpty()
                        && List.of("APPROVED", "CHANGES_REQUESTED", "DISMISSED").contains(state)) {
                    decisive.remove(user);
                    decisive.put(user, state);
                }
            }
            if (reviews.size() < PAGE) {
                break;
            }
        }
        return Approvals.approved(decisive, "APPROVED");
    }

    private static PullRequest pullRequest(JsonNode pull) {
        return new PullRequest(
                pull.path("number").asInt(),
                pull.path("html_url").asText(),
                pull.path("head").path("ref").asText(),
                pull.path("title").asText());
    }
}
