package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GitLab's REST API v4: merge requests of one project, addressed by its URL-encoded full path. */
final class GitLabMergeRequests implements PullRequestHost {

    private final HostHttp http;
    private final String mergeRequests;

    GitLabMergeRequests(HostHttp http, String projectPath) {
        this.http = http;
        this.mergeRequests = "/projects/" + HostHttp.segment(projectPath) + "/merge_requests";
    }

    @Override
    public Optional<PullRequest> findOpen(String branch) {
        JsonNode requests = http.get(
                mergeRequests + "?state=opened&source_branch=" + HostHttp.query(branch),
                "list the open merge requests from " + branch);
        return PullRequestJson.GITLAB.from(branch, requests);
    }

    @Override
    public PullRequest open(PullRequestDraft draft) {
        Map<String, Object> body = PullRequestJson.GITLAB.text(draft);
        body.put("source_branch", draft.branch());
        body.put("target_branch", draft.base());
        return PullRequestJson.GITLAB.read(http.send(
                "POST", mergeRequests, body, "open a merge request from " + draft.branch() + " into " + draft.base()));
    }

    @Override
    public PullRequest update(int number, PullRequestDraft draft) {
        return PullRequestJson.GITLAB.read(http.send(
                "PUT",
                mergeRequests + "/" + number,
                PullRequestJson.GITLAB.text(draft),
                "update merge request !" + number));
    }

    @Override
    public List<String> approvers(int number) {
        JsonNode approvals =
                http.get(mergeRequests + "/" + number + "/approvals", "read the approvals of merge request !" + number);
        List<String> users = new ArrayList<>();
        for (JsonNode approval : approvals.path("approved_by")) {
            String user = approval.path("user").path("username").asText();
            if (!user.isEmpty()) {
                users.add(user);
            }
        }
        return users;
    }
}
