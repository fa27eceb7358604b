package dev.plumbline.driftauditor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.GroupKind;

/**
 * What the watches report, to whoever judges it (the drift rules): the watches know nothing of drift, so the rules
 * can be tested with a plain cache and the watches with a recording of their reports.
 */
public interface LiveChanges {

    /** A tracked object changed: {@code before} null for a new one, {@code after} null for a deleted one. */
    void liveChanged(JsonNode before, JsonNode after);

    /** The kind's watch has listed its objects once. */
    void kindSynced(GroupKind kind);

    /** Compares every tracked app again, as after a watch was restarted. */
    void compareAll();
}
