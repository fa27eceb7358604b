package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.AuditAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to record, before it is chained: what an audit record says, without its place in the trail.
 *
 * @param sourceEventId   the event it comes from; with the action, what makes it unique
 * @param sourceEventType that event's CloudEvents type
 * @param occurredAt      when the change happened
 */
public record AuditEntry(
        String app,
        AuditAction action,
        String actor,
        String summary,
        String revision,
        List<ObjectIdentity> objects,
        JsonNode details,
        String correlationId,
        String sourceEventId,
        String sourceEventType,
        Instant occurredAt) {

    public AuditEntry {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /** One source event may give one record of each action per app, and no more: this is what a duplicate shares. */
    public String dedupKey() {
        return dedupKey(sourceEventId, action);
    }

    static String dedupKey(String sourceEventId, AuditAction action) {
        return sourceEventId + " " + action.label();
    }
}
