package dev.plumbline.driftauditor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.GroupKind;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** What the drift rules need to know of the cluster: the tracked live objects, as the watches last saw them. */
public interface LiveView {

    Optional<JsonNode> get(ObjectKey key);

    /** Whether the kind's watch has listed its objects once; until then an absent object proves nothing. */
    boolean synced(GroupKind kind);

    /** The tracked objects whose app annotation names this app ({@link LiveObjectCache#UNNAMED_APP} for none). */
    Collection<JsonNode> trackedFor(String app);

    /** Every app named by a tracked object. */
    Set<String> trackedApps();

    /**
     * Whether objects of the kind are namespaced, as the live objects seen of it show; empty before one was seen.
     */
    Optional<Boolean> namespaced(GroupKind kind);

    /** Asks for these kinds to be watched; a kind already watched is left alone. */
    void watch(Collection<WatchedKind> kinds);
}
