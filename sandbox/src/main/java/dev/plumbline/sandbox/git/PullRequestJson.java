package dev.plumbline.sandbox.git;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Pull requests and reviews in the JSON shapes of Gitea's API v1, as far as the sandbox fills them. */
final class PullRequestJson {

    private PullRequestJson() {}

    static ObjectNode pullRequest(
            ObjectMapper json, String serverUrl, PullRequestRecord pull, String headSha, String baseSha) {
        String page = serverUrl + "/" + pull.owner + "/" + pull.repository + "/pulls/" + pull.number;
        ObjectNode node = json.createObjectNode();
        node.put("id", pull.number);
        node.put("number", pull.number);
        node.put("url", page);
        node.put("html_url", page);
        node.put("diff_url", page + ".diff");
        node.put("title", pull.title);
        node.put("body", pull.body);
        node.put("state", pull.open ? "open" : "closed");
        node.set("user", user(json, pull.author));
        node.set("head", branch(json, pull.head, headSha));
        node.set("base", branch(json, pull.base, baseSha));
        node.put("mergeable", pull.open);
        node.put("merged", pull.merged);
        node.put("merge_commit_sha", pull.mergeCommit);
        node.put("merged_at", pull.merged ? time(pull.closedAt) : null);
        node.set("merged_by", pull.mergedBy == null ? null : user(json, pull.mergedBy));
        node.put("created_at", time(pull.createdAt));
        node.put("updated_at", time(pull.updatedAt));
        node.put("closed_at", pull.open ? null : time(pull.closedAt));
        return node;
    }

    static ObjectNode review(ObjectMapper json, PullRequestRecord.Review review) {
        ObjectNode node = json.createObjectNode();
        node.put("id", review.id());
        node.set("user", user(json, review.user()));
        node.put("state", review.state());
        node.put("body", review.body());
        node.put("commit_id", review.commitId());
        node.put("stale", false);
        node.put("official", true);
        node.put("dismissed", false);
        node.put("submitted_at", time(review.submittedAt()));
        return node;
    }

    static ObjectNode error(ObjectMapper json, String message) {
        ObjectNode node = json.createObjectNode();
        node.put("message", message);
        node.put("url", "https://gitea.com/api/swagger");
        return node;
    }

    private static ObjectNode branch(ObjectMapper json, String ref, String sha) {
        ObjectNode node = json.createObjectNode();
        node.put("label", ref);
        node.put("ref", ref);
        node.put("sha", sha);
        return node;
    }

    private static ObjectNode user(ObjectMapper json, String login) {
        ObjectNode node = json.createObjectNode();
        node.put("id", 1);
        node.put("login", login);
        node.put("username", login);
        return node;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
