package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.engine.order.ApplyOrder;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what an app's sync prunes: objects the app owns ({@link Inventory}) that its desired state no longer has.
 * Objects of another app, untracked objects and controller-owned objects are never candidates. A desired object is
 * matched by group, kind, namespace and name, whatever its version.
 */
public final class PruneSet {

    private PruneSet() {}

    /**
     * @param allowEmpty the Application's {@code syncPolicy.allowEmpty}: whether an empty render may prune
     *                   everything the app owns
     */
    public static PrunePlan plan(
            String app, List<RenderedObject> desired, Collection<? extends JsonNode> live, boolean allowEmpty) {
        Set<ObjectKey> wanted = new HashSet<>();
        desired.forEach(object -> wanted.add(ObjectKey.of(object.identity())));
        List<JsonNode> notInGit = ApplyOrder.forPrune(Inventory.of(app, live).objects().stream()
                .filter(object -> !wanted.contains(ObjectKey.of(object)))
                .toList());
        boolean withheld = desired.isEmpty() && !allowEmpty && !notInGit.isEmpty();
        return new PrunePlan(notInGit, withheld ? List.of() : notInGit, withheld);
    }
}
