package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the events of every topic into audit entries: what changed, who did it, and the facts worth keeping, so a
 * record still tells its story after its source topic has expired. Pause and resume come from
 * {@code PauseTransitions}, which needs the trail's memory.
 */
public final class AuditAssembler {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.empty().withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private AuditAssembler() {}

    /** The entry for an app-keyed event; empty for an event that records no change (a skipped apply, say). */
    public static Optional<AuditEntry> of(PlumblineEvent event) {
        if (event instanceof ManifestsRendered rendered) {
            return Optional.of(rendered(rendered));
        } else if (event instanceof RenderFailed failed) {
            return Optional.of(renderFailed(failed));
        } else if (event instanceof DiffComputed diff) {
            return Optional.of(diff(diff));
        } else if (event instanceof ApplyAction action) {
            return apply(action);
        } else if (event instanceof SyncRequested request) {
            return Optional.of(syncRequested(request));
        } else if (event instanceof DriftDetected drift) {
            return Optional.of(driftDetected(drift));
        } else if (event instanceof DriftRecovered recovered) {
            return Optional.of(driftRecovered(recovered));
        } else if (event instanceof SelfHealFight fight) {
            return Optional.of(fight(fight));
        }
        return PromotionEntries.of(event);
    }

    /**
     * The commit that led to an app's render, recorded in that app's trail; the actor is the Git author, and the
     * summary says who signed it when its signature was checked.
     */
    public static AuditEntry commit(CommitDetected commit, String app) {
        Optional<CommitInfo> head = commit.commits().stream()
                .filter(info -> info.sha().equals(commit.after()))
                .findFirst()
                .or(() -> commit.commits().stream().reduce((first, second) -> second));
        String actor = head.map(CommitInfo::author).map(AuditAssembler::person).orElse("unknown");
        String subject =
                head.map(info -> info.message().lines().findFirst().orElse("")).orElse("");
        String signed = head.map(CommitInfo::commitSignature)
                .map(signature -> ", " + CommitSigners.describe(signature))
                .orElse("");
        ObjectNode details = JSON.createObjectNode();
        details.put("repoUrl", commit.repoUrl());
        details.put("ref", commit.ref());
        details.put("before", commit.before());
        details.put("after", commit.after());
        details.set("update", JSON.valueToTree(commit.update()));
        details.set("trigger", JSON.valueToTree(commit.fetchCause()));
        details.set("commits", JSON.valueToTree(commit.commits()));
        return new AuditEntry(
                app,
                AuditAction.COMMIT_DETECTED,
                actor,
                "commit " + shortSha(commit.after()) + " on " + commit.ref() + " by " + actor + signed
                        + (subject.isBlank() ? "" : ": " + subject),
                commit.after(),
                List.of(),
                details,
                commit.correlationId(),
                commit.eventId(),
                commit.type().typeName(),
                commit.time());
    }

    private static AuditEntry rendered(ManifestsRendered rendered) {
        ObjectNode details = JSON.createObjectNode();
        details.put("repoUrl", rendered.repoUrl());
        details.put("path", rendered.path());
        details.set("renderer", JSON.valueToTree(rendered.renderer()));
        details.put("digest", rendered.digest());
        details.put("objectCount", rendered.objects().size());
        return entry(
                rendered,
                AuditAction.RENDERED,
                AuditRecord.PLUMBLINE_ACTOR,
                "rendered " + rendered.objects().size() + " objects at " + shortSha(rendered.revision()),
                rendered.revision(),
                List.of(),
                details);
    }

    private static AuditEntry renderFailed(RenderFailed failed) {
        ObjectNode details = JSON.createObjectNode();
        details.set("reason", JSON.valueToTree(failed.reason()));
        details.put("message", failed.message());
        details.put("file", failed.file());
        if (failed.line() != null) {
            details.put("line", failed.line());
        }
        return entry(
                failed,
                AuditAction.RENDER_FAILED,
                AuditRecord.PLUMBLINE_ACTOR,
                "render of " + shortSha(failed.revision()) + " failed: " + failed.message(),
                failed.revision(),
                List.of(),
                details);
    }

    /**
     * A render whose signature did not verify. Who wrote it is not known: the actor is {@code unknown}, and the
     * source it claims is kept in the details beside the reason it was refused.
     */
    public static AuditEntry renderUntrusted(PlumblineEvent render, String problem) {
        String revision = render instanceof ManifestsRendered rendered
                ? rendered.revision()
                : render instanceof RenderFailed failed ? failed.revision() : null;
        ObjectNode details = JSON.createObjectNode();
        details.put("problem", problem);
        details.put("claimedSource", render.source());
        return entry(
                render,
                AuditAction.RENDER_UNTRUSTED,
                "unknown",
                "refused an untrusted " + (render instanceof RenderFailed ? "render failure" : "render") + " of "
                        + shortSha(revision) + ": " + problem,
                revision,
                List.of(),
                details);
    }

    private static AuditEntry diff(DiffComputed diff) {
        List<ObjectDiff> changes = diff.changes();
        ObjectNode details = JSON.createObjectNode();
        details.set("syncStatus", JSON.valueToTree(diff.syncStatus()));
        details.set("health", JSON.valueToTree(diff.health()));
        details.put("digest", diff.digest());
        details.set(
                "changes",
                JSON.valueToTree(changes.stream()
                        .map(change -> JSON.createObjectNode()
                                .put("object", change.object().toString())
                                .put("change", change.change().label())
                                .put("fields", change.fields().size()))
                        .toList()));
        return entry(
                diff,
                AuditAction.DIFF_COMPUTED,
                AuditRecord.PLUMBLINE_ACTOR,
                diff.syncStatus().label() + ": " + changes.size() + (changes.size() == 1 ? " object" : " objects")
                        + " to change",
                diff.revision(),
                changes.stream().map(ObjectDiff::object).toList(),
                details);
    }

    private static Optional<AuditEntry> apply(ApplyAction action) {
        AuditAction recorded = switch (action.result()) {
            case FAILED -> AuditAction.APPLY_FAILED;
            case REFUSED -> AuditAction.APPLY_REFUSED;
            // never attempted: nothing changed, the failure or refusal that stopped it is recorded
            case SKIPPED -> null;
            case SUCCEEDED ->
                switch (action.operation()) {
                    case PRUNE -> AuditAction.PRUNED;
                    case ADOPT -> AuditAction.ADOPTED;
                    case APPLY -> action.trigger() == SyncTrigger.SELF_HEAL ? AuditAction.HEALED : AuditAction.APPLIED;
                };
        };
        if (recorded == null) {
            return Optional.empty();
        }
        ObjectNode details = JSON.createObjectNode();
        details.put("syncId", action.syncId());
        details.set("trigger", JSON.valueToTree(action.trigger()));
        details.set("operation", JSON.valueToTree(action.operation()));
        details.set("result", JSON.valueToTree(action.result()));
        details.put("error", action.error());
        details.put("objectIndex", action.objectIndex());
        details.put("objectCount", action.objectCount());
        String actor = action.initiatedBy() == null ? AuditRecord.PLUMBLINE_ACTOR : action.initiatedBy();
        return Optional.of(entry(
                action,
                recorded,
                actor,
                recorded.label() + " " + action.object() + " ("
                        + action.trigger().label() + ")" + (action.error() == null ? "" : ": " + action.error()),
                action.revision(),
                List.of(action.object()),
                details));
    }

    private static AuditEntry syncRequested(SyncRequested request) {
        AuditAction action = switch (request.trigger()) {
            case SELF_HEAL -> AuditAction.HEAL_REQUESTED;
            case ROLLBACK -> AuditAction.ROLLBACK_REQUESTED;
            case MANUAL, AUTOMATED -> AuditAction.SYNC_REQUESTED;
        };
        ObjectNode details = JSON.createObjectNode();
        details.set("trigger", JSON.valueToTree(request.trigger()));
        details.put("reason", request.reason());
        details.put("requester", request.source());
        return entry(
                request,
                action,
                request.requestedBy(),
                action.label() + " by " + request.requestedBy()
                        + (request.reason().isBlank() ? "" : ": " + request.reason()),
                request.revision(),
                request.objects(),
                details);
    }

    private static AuditEntry driftDetected(DriftDetected drift) {
        String changedBy = drift.objects().stream()
                .flatMap(object -> object.fields().stream())
                .map(field -> field.changedBy().manager())
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        ObjectNode details = JSON.createObjectNode();
        details.put("episodeId", drift.episodeId());
        details.set("mode", JSON.valueToTree(drift.mode()));
        details.set("pause", JSON.valueToTree(drift.pause()));
        // the values are masked for Secrets upstream, by the engine, before they reach the alert
        details.set("objects", JSON.valueToTree(drift.objects()));
        String outcome =
                drift.willHeal() ? "healing" : drift.pause() != null ? "self-heal paused, not healing" : "warn only";
        return entry(
                drift,
                AuditAction.DRIFT_DETECTED,
                changedBy.isEmpty() ? "unknown" : changedBy,
                "drift in " + drift.objects().size() + " objects (" + outcome + ")",
                drift.revision(),
                drift.objects().stream().map(DriftedObject::object).toList(),
                details);
    }

    private static AuditEntry driftRecovered(DriftRecovered recovered) {
        ObjectNode details = JSON.createObjectNode();
        details.put("episodeId", recovered.episodeId());
        details.set("resolution", JSON.valueToTree(recovered.resolution()));
        details.set("detectedAt", JSON.valueToTree(recovered.detectedAt()));
        String actor =
                recovered.resolution() == DriftResolution.LIVE_RESTORED ? "unknown" : AuditRecord.PLUMBLINE_ACTOR;
        return entry(
                recovered,
                AuditAction.DRIFT_RECOVERED,
                actor,
                "drift ended: " + recovered.resolution().label(),
                null,
                recovered.objects(),
                details);
    }

    private static AuditEntry fight(SelfHealFight fight) {
        ObjectNode details = JSON.createObjectNode();
        details.put("episodeId", fight.episodeId());
        details.put("path", fight.path());
        details.set("opponent", JSON.valueToTree(fight.opponent()));
        details.put("reverts", fight.reverts());
        details.set("window", JSON.valueToTree(fight.window()));
        return entry(
                fight,
                AuditAction.SELF_HEAL_FIGHT,
                AuditRecord.PLUMBLINE_ACTOR,
                "healing of " + fight.path() + " stopped: " + fight.opponent().manager() + " reverted it "
                        + fight.reverts() + " times",
                null,
                List.of(fight.object()),
                details);
    }

    private static AuditEntry entry(
            PlumblineEvent from,
            AuditAction action,
            String actor,
            String summary,
            String revision,
            List<ObjectIdentity> objects,
            JsonNode details) {
        return new AuditEntry(
                from.app(),
                action,
                actor,
                summary,
                revision,
                objects,
                details,
                from.correlationId(),
                from.eventId(),
                from.type().typeName(),
                from.time());
    }

    static String person(GitSignature signature) {
        if (signature.email() == null || signature.email().isBlank()) {
            return signature.name();
        }
        return (signature.name() == null ? "" : signature.name() + " ") + "<" + signature.email() + ">";
    }

    static String shortSha(String sha) {
        return sha == null ? "(none)" : sha.substring(0, Math.min(7, sha.length()));
    }
}
