package dev.plumbline.reconciler.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code status} of an Application, written by the reconciler only. Values use Plumbline's vocabulary
 * ({@code out-of-sync}, {@code degraded}, {@code self-heal}) so they read the same as events and messages. Absent
 * parts are written as null, so that a merge patch of the whole status clears what no longer holds.
 */
public class ApplicationStatusModel {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("The Project this Application was last judged by.")
    public String project;

    public SyncState sync;
    public Health health;

    @JsonPropertyDescription("The drift episode in progress, as the drift-auditor reports it; null when none.")
    public DriftSummary drift;

    @JsonPropertyDescription("The self-heal pause in force, from the plumbline.dev/self-heal-paused-* annotations.")
    public SelfHealPause selfHealPause;

    @JsonPropertyDescription("The last 10 syncs, newest first, with who or what started each.")
    public List<SyncRecord> history = new ArrayList<>();

    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The plumbline.dev/sync-requested-at value of the last sync request carried out.")
    public String handledSyncRequest;

    /** Written only by its own merge patch, never by a reconcile's status, which leaves it out (hence non-null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyDescription("The head of the app's audit trail on plumbline.audit, kept outside Kafka: its last"
            + " record signed by the drift-auditor that the reconciler verified. plumb audit verify compares the trail"
            + " with it, so a trail cut short is found.")
    public AuditHead audit;

    public static class AuditHead {
        @JsonPropertyDescription("How many records the trail has: the sequence of its last record.")
        public Long count;

        @JsonPropertyDescription("The hash of that record (sha256:...).")
        public String hash;

        @JsonPropertyDescription("When the drift-auditor wrote that record.")
        public String recordedAt;

        public AuditHead() {}

        public AuditHead(Long count, String hash, String recordedAt) {
            this.count = count;
            this.hash = hash;
            this.recordedAt = recordedAt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AuditHead h
                    && Objects.equals(count, h.count)
                    && Objects.equals(hash, h.hash)
                    && Objects.equals(recordedAt, h.recordedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(count, hash);
        }
    }

    public static class SyncState {
        @JsonPropertyDescription("synced, out-of-sync or unknown.")
        public String status;

        @JsonPropertyDescription("The commit SHA compared.")
        public String revision;

        public SyncState() {}

        public SyncState(String status, String revision) {
            this.status = status;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SyncState s && Objects.equals(status, s.status) && Objects.equals(revision, s.revision);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, revision);
        }
    }

    public static class Health {
        @JsonPropertyDescription("healthy, progressing, degraded, suspended, missing or unknown.")
        public String status;

        public String message;

        public Health() {}

        public Health(String status, String message) {
            this.status = status;
            this.message = message;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Health h && Objects.equals(status, h.status) && Objects.equals(message, h.message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, message);
        }
    }

    public static class DriftSummary {
        public String episodeId;

        @JsonPropertyDescription("warn or heal.")
        public String mode;

        @JsonPropertyDescription("The commit SHA of the desired state that live differs from.")
        public String revision;

        @JsonPropertyDescription("How many objects drifted.")
        public Integer objects;

        @JsonPropertyDescription("How many fields drifted, over all objects.")
        public Integer fields;

        @JsonPropertyDescription("How many of the objects were deleted from the cluster after they were live.")
        public Integer deleted;

        @JsonPropertyDescription("How many of the objects are orphans: live and tracked, but wanted by no app.")
        public Integer orphans;

        @JsonPropertyDescription("Whether Plumbline is healing it: heal mode, not paused, and no fight over a field.")
        public Boolean healing;

        public String detectedAt;

        @JsonPropertyDescription("The field managers that made the drifting changes, such as kubectl-edit, sorted.")
        public List<String> changedBy = new ArrayList<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof DriftSummary d
                    && Objects.equals(episodeId, d.episodeId)
                    && Objects.equals(mode, d.mode)
                    && Objects.equals(revision, d.revision)
                    && Objects.equals(objects, d.objects)
                    && Objects.equals(fields, d.fields)
                    && Objects.equals(deleted, d.deleted)
                    && Objects.equals(orphans, d.orphans)
                    && Objects.equals(healing, d.healing)
                    && Objects.equals(detectedAt, d.detectedAt)
                    && Objects.equals(changedBy, d.changedBy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(episodeId, revision, objects, fields, healing);
        }
    }

    public static class SelfHealPause {
        public String until;
        public String by;
        public String reason;

        public SelfHealPause() {}

        public SelfHealPause(String until, String by, String reason) {
            this.until = until;
            this.by = by;
            this.reason = reason;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SelfHealPause p
                    && Objects.equals(until, p.until)
                    && Objects.equals(by, p.by)
                    && Objects.equals(reason, p.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(until, by, reason);
        }
    }

    public static class SyncRecord {
        public String syncId;
        public String revision;

        @JsonPropertyDescription("automated, self-heal, manual or rollback.")
        public String trigger;

        @JsonPropertyDescription("plumbline for automated syncs and heals, the person for manual ones.")
        public String initiatedBy;

        public String startedAt;
        public String finishedAt;

        @JsonPropertyDescription("succeeded, failed or refused.")
        public String result;

        public String message;
        public Integer applied;
        public Integer pruned;

        @Override
        public boolean equals(Object o) {
            return o instanceof SyncRecord r
                    && Objects.equals(syncId, r.syncId)
                    && Objects.equals(result, r.result)
                    && Objects.equals(finishedAt, r.finishedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(syncId, result, finishedAt);
        }
    }

    public static class Condition {
        public String type;

        @JsonPropertyDescription("True, False or Unknown.")
        public String status;

        public String reason;
        public String message;
        public String lastTransitionTime;

        @Override
        public boolean equals(Object o) {
            return o instanceof Condition c
                    && Objects.equals(type, c.type)
                    && Objects.equals(status, c.status)
                    && Objects.equals(reason, c.reason)
                    && Objects.equals(message, c.message)
                    && Objects.equals(lastTransitionTime, c.lastTransitionTime);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, status, reason, message);
        }
    }
}
