package dev.plumbline.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.health.AppHealth;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.inventory.PrunePlan;
import dev.plumbline.engine.inventory.PruneSet;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.engine.order.ApplyOrder;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.IgnoreDifference;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an Application's desired objects with the live cluster: the reconciler's one call per reconcile. Pure:
 * it reads what it is given (the informer's cache) and asks the cluster nothing.
 */
public final class ApplicationDiffer {

    private final String app;
    private final ObjectDiffer objectDiffer;
    private final boolean allowEmpty;

    /**
     * @throws IllegalArgumentException when an ignore rule's pointer is malformed
     */
    public ApplicationDiffer(String app, List<IgnoreDifference> ignoreDifferences, boolean allowEmpty) {
        this.app = app;
        this.objectDiffer = new ObjectDiffer(new IgnoreRules(ignoreDifferences));
        this.allowEmpty = allowEmpty;
    }

    /** With the Application's own ignore rules and allowEmpty. */
    public static ApplicationDiffer of(ApplicationSpec spec) {
        boolean allowEmpty = spec.syncPolicy() != null && spec.syncPolicy().allowEmpty();
        return new ApplicationDiffer(spec.app(), spec.ignoreDifferences(), allowEmpty);
    }

    /**
     * @param desired the app's rendered objects
     * @param live    live objects that may include the desired ones and what the app owns; others are ignored
     * @throws dev.plumbline.engine.order.InvalidSyncWaveException when a sync-wave annotation is not an integer
     */
    public ApplicationDiff compare(List<RenderedObject> desired, Collection<? extends JsonNode> live) {
        Map<ObjectKey, JsonNode> liveByKey = new HashMap<>();
        live.forEach(object -> liveByKey.put(ObjectKey.of(object), object));
        List<ObjectDiff> diffs = new ArrayList<>();
        List<ObjectIdentity> ownedByOthers = new ArrayList<>();
        for (RenderedObject object : ApplyOrder.forApply(desired)) {
            JsonNode counterpart = liveByKey.get(ObjectKey.of(object.identity()));
            diffs.add(objectDiffer.diff(object, counterpart));
            Optional<String> owner = counterpart == null ? Optional.empty() : TrackingMarks.appOf(counterpart);
            if (owner.isPresent() && !owner.get().equals(app)) {
                ownedByOthers.add(object.identity());
            }
        }
        var health = AppHealth.worst(diffs.stream().map(ObjectDiff::health).toList());
        PrunePlan prune = PruneSet.plan(app, desired, live, allowEmpty);
        prune.notInGit().forEach(object -> diffs.add(objectDiffer.deletion(object)));
        boolean synced = diffs.stream().allMatch(diff -> diff.change() == ChangeType.UNCHANGED);
        return new ApplicationDiff(
                diffs, synced ? SyncStatus.SYNCED : SyncStatus.OUT_OF_SYNC, health, prune, ownedByOthers);
    }
}
