package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The {@code /repos/OWNER/REPOSITORY/pulls} calls that Gitea shares with GitHub: the same paths, request bodies and
 * answers. Listing and reviews differ in paging and states, so each host reads those pages itself.
 */
final class RepositoryPulls {

    private final HostHttp http;
    private final String pulls;

    RepositoryPulls(HostHttp http, String owner, String repository) {
        this.http = http;
        this.pulls = "/repos/" + HostHttp.segment(owner) + "/" + HostHttp.segment(repository) + "/pulls";
    }

    /** One page of the open pull requests; {@code query} holds the host's filter and paging parameters. */
    JsonNode listOpen(String query, String purpose) {
        return http.get(pulls + "?state=open&" + query, purpose);
    }

    /**
     * The reviews of pull request {@code number}, oldest first, read page by page until a page is not full or
     * {@code maxPages} were read; {@code pageQuery} gives the host's paging parameters for a page number.
     */
    List<JsonNode> reviews(int number, int pageSize, int maxPages, IntFunction<String> pageQuery) {
        List<JsonNode> reviews = new ArrayList<>();
        for (int page = 1; page <= maxPages; page++) {
            JsonNode onPage = http.get(
                    pulls + "/" + number + "/reviews?" + pageQuery.apply(page),
                    "read the reviews of pull request #" + number);
            onPage.forEach(reviews::add);
            if (onPage.size() < pageSize) {
                break;
            }
        }
        return reviews;
    }

    PullRequest open(PullRequestDraft draft) {
        Map<String, Object> body = PullRequestJson.GITHUB.text(draft);
        body.put("head", draft.branch());
        body.put("base", draft.base());
        return PullRequestJson.GITHUB.read(
                http.send("POST", pulls, body, "open a pull request from " + draft.branch() + " into " + draft.base()));
    }

    PullRequest update(int number, PullRequestDraft draft) {
        return PullRequestJson.GITHUB.read(http.send(
                "PATCH", pulls + "/" + number, PullRequestJson.GITHUB.text(draft), "update pull request #" + number));
    }
}
