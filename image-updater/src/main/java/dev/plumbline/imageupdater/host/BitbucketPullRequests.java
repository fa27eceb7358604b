package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bitbucket Cloud's REST API 2.0: pull requests of one {@code workspace/repository-slug}. */
final class BitbucketPullRequests implements PullRequestHost {

    private final HostHttp http;
    private final String pullRequests;

    BitbucketPullRequests(HostHttp http, String workspace, String slug) {
        this.http = http;
        this.pullRequests =
                "/repositories/" + HostHttp.segment(workspace) + "/" + HostHttp.segment(slug) + "/pullrequests";
    }

    @Override
    public Optional<PullRequest> findOpen(String branch) {
        String filter =
                "source.branch.name=\"" + branch.replace("\\", "\\\\").replace("\"", "\\\"") + "\" AND state=\"OPEN\"";
        JsonNode page =
                http.get(pullRequests + "?q=" + HostHttp.query(filter), "list the open pull requests from " + branch);
        return PullRequestJson.BITBUCKET.from(branch, page.path("values"));
    }

    @Override
    public PullRequest open(PullRequestDraft draft) {
        Map<String, Object> body = PullRequestJson.BITBUCKET.text(draft);
        body.put("source", Map.of("branch", Map.of("name", draft.branch())));
        body.put("destination", Map.of("branch", Map.of("name", draft.base())));
        return PullRequestJson.BITBUCKET.read(http.send(
                "POST", pullRequests, body, "open a pull request from " + draft.branch() + " into " + draft.base()));
    }

    @Override
    public PullRequest update(int number, PullRequestDraft draft) {
        return PullRequestJson.BITBUCKET.read(http.send(
                "PUT",
                pullRequests + "/" + number,
                PullRequestJson.BITBUCKET.text(draft),
                "update pull request #" + number));
    }

    @Override
    public List<String> approvers(int number) {
        JsonNode pull = http.get(pullRequests + "/" + number, "read the participants of pull request #" + number);
        List<String> users = new ArrayList<>();
        for (JsonNode participant : pull.path("participants")) {
            if (participant.path("approved").asBoolean(false)) {
                JsonNode user = participant.path("user");
                // Bitbucket Cloud no longer exposes usernames; the nickname is what people see
                String name =
                        user.path("nickname").asText(user.path("display_name").asText());
                if (!name.isEmpty()) {
                    users.add(name);
                }
            }
        }
        return users;
    }
}
