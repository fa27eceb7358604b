package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.AuditAction;
import java.util.List;
import java.util.Optional;

/**
 * The entries of what an app's project refused before anything was rendered: its repository
 * ({@code source-not-permitted}) and the commit its ref moved to ({@code commit-refused}). An object the project
 * refuses is the reconciler's {@code apply-refused}.
 */
final class RefusalEntries {

    private RefusalEntries() {}

    /**
     * The spec's repository refused by its project, in words naming the rule. The actor is Plumbline, which refused;
     * the details name the repository and the project with its generation, which together say whether a later spec
     * repeats this refusal ({@link #sourceRefusalKey}).
     */
    static AuditEntry sourceNotPermitted(ApplicationSpec spec, String reason) {
        ProjectPolicy project = spec.projectPolicy();
        ObjectNode details = AuditAssembler.JSON.createObjectNode();
        details.put("repoUrl", spec.sourceSpec().repoUrl());
        details.put("project", project.name());
        details.put("projectGeneration", project.generation());
        details.put("reason", reason);
        return new AuditEntry(
                spec.app(),
                AuditAction.SOURCE_NOT_PERMITTED,
                AuditRecord.PLUMBLINE_ACTOR,
                "nothing fetched: " + reason,
                null,
                List.of(),
                details,
                spec.correlationId(),
                spec.eventId(),
                spec.type().typeName(),
                spec.time());
    }

    /** What makes a source refusal the same one again: the app's repository, its project and that generation. */
    static String sourceRefusalKey(ApplicationSpec spec) {
        ProjectPolicy project = spec.projectPolicy();
        return key(spec.sourceSpec().repoUrl(), project.name(), project.generation());
    }

    /** The same key, read from a {@code source-not-permitted} record's details. */
    static String sourceRefusalKey(JsonNode details) {
        return key(
                details.path("repoUrl").asText(),
                details.path("project").asText(),
                details.path("projectGeneration").asLong());
    }

    /**
     * A commit the app must not deploy, as the git-watcher refused it (its project requires a signature the commit
     * lacks). The actor is the commit's author; the details keep the commit, its checked signature and the reason.
     */
    static AuditEntry commitRefused(CommitDetected commit, CommitRefusal refusal) {
        Optional<CommitInfo> head = commit.afterCommit();
        ObjectNode details = AuditAssembler.JSON.createObjectNode();
        details.put("repoUrl", commit.repoUrl());
        details.put("ref", commit.ref());
        details.put("after", commit.after());
        details.put("project", refusal.project());
        details.put("reason", refusal.reason());
        head.ifPresent(info -> {
            details.set("commit", AuditAssembler.JSON.valueToTree(info));
            if (info.commitSignature() != null) {
                details.set(CommitSigners.DETAIL, AuditAssembler.JSON.valueToTree(info.commitSignature()));
            }
        });
        return new AuditEntry(
                refusal.app(),
                AuditAction.COMMIT_REFUSED,
                head.map(CommitInfo::author).map(AuditAssembler::person).orElse("unknown"),
                "commit " + AuditAssembler.shortSha(commit.after()) + " on " + commit.ref() + " is not deployed: "
                        + refusal.reason(),
                commit.after(),
                List.of(),
                details,
                commit.correlationId(),
                commit.eventId(),
                commit.type().typeName(),
                commit.time());
    }

    private static String key(String repoUrl, String project, long generation) {
        return repoUrl + " " + project + "@" + generation;
    }
}
