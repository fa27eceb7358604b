package dev.plumbline.engine.diff;

import dev.plumbline.engine.inventory.PrunePlan;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.util.List;

/**
 * The comparison of one Application, ready for a {@code DiffComputed} event and for a sync.
 *
 * @param objects          one per desired object in apply order, then one deletion per owned object Git no longer
 *                         has, in prune order
 * @param syncStatus       synced when every desired object is unchanged and nothing is left to prune
 * @param health           the worst health of the desired objects (missing ones included); objects to prune do not
 *                         count, they are no longer wanted
 * @param prune            what a sync may prune
 * @param ownedByOtherApps desired objects that exist live with another app's tracking annotation: applying them
 *                         would take them from that app, which the reconciler should refuse and report
 */
public record ApplicationDiff(
        List<ObjectDiff> objects,
        SyncStatus syncStatus,
        HealthStatus health,
        PrunePlan prune,
        List<ObjectIdentity> ownedByOtherApps) {

    public ApplicationDiff {
        objects = List.copyOf(objects);
        ownedByOtherApps = List.copyOf(ownedByOtherApps);
    }

    /** The objects a sync would create, update or delete. */
    public List<ObjectDiff> changes() {
        return objects.stream()
                .filter(diff -> diff.change() != ChangeType.UNCHANGED)
                .toList();
    }
}
