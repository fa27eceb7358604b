package dev.plumbline.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.output.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One audit record as one line: time, app, commit with its author, approver and signer, action, actor and summary.
 * Only the commit-detected record of a commit carries its author and trailers, so they are remembered by revision
 * and shown on every later record of that revision (render, apply, heal...). A promotion merged through a pull
 * request comes just before its merge commit, whose approvals are the pull request's rather than trailers: they
 * are remembered from the promotion-merged record.
 */
final class AuditLine {

    private final Map<String, String> peopleByRevision = new HashMap<>();
    private final Map<String, String> approversByRevision = new HashMap<>();

    String format(JsonNode record) {
        remember(record);
        String revision = text(record, "revision");
        String commit = revision == null
                ? "-"
                : shorten(revision)
                        + (peopleByRevision.containsKey(revision) ? " (" + peopleByRevision.get(revision) + ")" : "");
        return String.join(
                "  ",
                orDash(Times.toSecond(text(record, "time"))),
                orDash(text(record, "app")),
                commit,
                orDash(text(record, "action")),
                "by " + orDash(text(record, "actor")) + ": " + orDash(text(record, "summary")));
    }

    private void remember(JsonNode record) {
        String revision = text(record, "revision");
        JsonNode approvers = record.path("details").path("approvers");
        if ("promotion-merged".equals(text(record, "action")) && revision != null && !approvers.isEmpty()) {
            List<String> names = new ArrayList<>();
            approvers.forEach(approver -> names.add(approver.asText()));
            approversByRevision.put(revision, String.join(", ", names));
        }
        for (JsonNode commit : record.path("details").path("commits")) {
            String sha = text(commit, "sha");
            if (sha == null) {
                continue;
            }
            String author = text(commit.path("author"), "name");
            String approver = trailer(commit, "Approved-by");
            if (approver == null) {
                approver = trailer(commit, "Reviewed-by");
            }
            if (approver == null) {
                approver = approversByRevision.get(sha);
            }
            peopleByRevision.put(
                    sha,
                    (author == null ? "unknown author" : author)
                            + (approver == null ? ", not approved" : ", approved by " + approver)
                            + signed(commit.path("commitSignature")));
        }
    }

    /** Who signed the commit, when the git-watcher checked: {@code , signed with ssh key SHA256:… (ana@…)}. */
    private static String signed(JsonNode signature) {
        String verdict = text(signature, "verdict");
        if (verdict == null) {
            return "";
        }
        if (!verdict.equals("good")) {
            return verdict.equals("unsigned") ? ", unsigned" : ", signature " + verdict;
        }
        String signer = text(signature, "signer");
        return ", signed with " + text(signature, "format") + " key " + text(signature, "key")
                + (signer == null ? "" : " (" + signer + ")");
    }

    private static String trailer(JsonNode commit, String key) {
        for (JsonNode trailer : commit.path("trailers")) {
            if (key.equalsIgnoreCase(text(trailer, "key"))) {
                return text(trailer, "value");
            }
        }
        return null;
    }

    private static String shorten(String revision) {
        return revision.matches("[0-9a-f]{40}") ? revision.substring(0, 7) : revision;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
