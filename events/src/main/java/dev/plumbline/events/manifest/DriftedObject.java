package dev.plumbline.events.manifest;

import dev.plumbline.events.vocabulary.DriftKind;
import java.util.List;
import java.util.Objects;

/**
 * One object of a drift episode.
 *
 * @param object the object
 * @param kind   modified, deleted or orphan
 * @param fields the drifted fields of a modified object; empty for deleted and orphan
 */
public record DriftedObject(ObjectIdentity object, DriftKind kind, List<DriftedField> fields) {

    public DriftedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
