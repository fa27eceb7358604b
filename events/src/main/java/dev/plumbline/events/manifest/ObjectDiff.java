package dev.plumbline.events.manifest;

import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.List;
import java.util.Objects;

/**
 * The comparison of one object.
 *
 * @param object the object
 * @param change what a sync does to it
 * @param health its health at the time of the diff ({@code missing} when it does not exist live)
 * @param fields the differing fields of an update; empty for create, delete and unchanged
 */
public record ObjectDiff(ObjectIdentity object, ChangeType change, HealthStatus health, List<FieldDiff> fields) {

    public ObjectDiff {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(change, "change");
        health = health == null ? HealthStatus.UNKNOWN : health;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
