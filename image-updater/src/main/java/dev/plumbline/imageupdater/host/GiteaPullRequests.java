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

    private final HostHttp http;
    private final String repos;

    GiteaPullRequests(HostHttp http, String owner, String repository) {
        this.http = http;
        this.repos = "/repos/" + HostHttp.segment(owner) + "/" + HostHttp.segment(repository);
    }

    @Override
    public Optional<PullRequest> findOpen(String branch) {
        // the list cannot be filtered by source branch, so it is read page by page
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode pulls = http.get(
                    repos + "/pulls?state=open&page=" + page + "&limit=" + PAGE, "list the open pull requests");
            for (JsonNode pull : pulls) {
                if (branch.equals(pull.path("head").path("ref").asText())) {
                    return Optional.of(pullRequest(pull));
                }
            }
            if (pulls.size() < PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public PullRequest open(PullRequestDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("head", draft.branch());
        body.put("base", draft.base());
        body.put("title", draft.title());
        body.put("body", draft.body());
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
        Map<String, String> decisive = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode reviews = http.get(
                    repos + "/pulls/" + number + "/reviews?page=" + page + "&limit=" + PAGE,
                    "read the reviews of pull request #" + number);
            for (JsonNode review : reviews) {
                String state = review.path("state").asText();
                String user = review.path("user").path("login").asText();
                if (user.isEmpty() || !List.of("APPROVED", "REQUEST_CHANGES").contains(state)) {
                    continue;
                }
                decisive.remove(user);
                // a dismissed approval no longer counts, and takes the user's earlier approval with it
                decisive.put(user, review.path("dismissed").asBoolean(false) ? "DISMISSED" : state);
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
