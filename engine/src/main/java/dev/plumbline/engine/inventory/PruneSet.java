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
 * Objects of another app, untracked objects, controller-owned objects and objects whose tracking id does not name
 * the app and the object itself are never candidates; the last are reported ({@link PrunePlan#unproven()}). A desired object is
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
        Inventory inventory = Inventory.of(app, live);
        List<JsonNode> notInGit = ApplyOrder.forPrune(inventory.objects().stream()
                .filter(object -> !wanted.contains(ObjectKey.of(object)))
                .toList());
        // a desired object without its tracking id gets it from the next apply; only those Git lost are reported
        List<Unproven> unproven = inventory.unproven().stream()
                .filter(object -> !wanted.contains(ObjectKey.of(object.object())))
                .toList();
        boolean withheld = desired.isEmpty() && !allowEmpty && !notInGit.isEmpty();
        return new PrunePlan(notInGit, withheld ? List.of() : notInGit, withheld, unproven);
    }
}
