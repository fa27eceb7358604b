package dev.plumbline.reconciler.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.inventory.Unproven;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.reconciler.status.ConditionType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where an app's claim on a live object is in doubt, in both directions: desired objects that already exist without
 * Plumbline's marks (created by hand or another tool), which a sync takes over only with
 * {@code spec.syncPolicy.adoptExisting} and otherwise refuses; and live objects carrying the app's label and
 * annotation without a tracking id naming them, which no prune deletes. Both are conditions, present while they hold.
 */
final class OwnershipChecks {

    private OwnershipChecks() {}

    /**
     * @param server reads one object from the API server: the cache holds only labelled objects, so a desired object
     *               the diff shows as missing may exist unlabelled
     */
    static void check(ReconcileContext context, Function<ObjectIdentity, Optional<ObjectNode>> server) {
        checkAdoptions(context, server);
        reportUnproven(context);
    }

    private static void checkAdoptions(
            ReconcileContext context, Function<ObjectIdentity, Optional<ObjectNode>> server) {
        Map<ObjectKey, JsonNode> live = new HashMap<>();
        context.live.forEach(object -> live.put(ObjectKey.of(object), object));
        Set<ObjectKey> notPermitted = new HashSet<>();
        context.refusals.forEach(refusal -> notPermitted.add(ObjectKey.of(refusal.object())));
        boolean adopt = context.spec.syncPolicy().adoptExisting();
        Map<ObjectKey, String> refused = new LinkedHashMap<>();
        Set<ObjectKey> adopting = new HashSet<>();
        for (ObjectDiff diff : context.objects) {
            ObjectKey key = ObjectKey.of(diff.object());
            if (diff.change() == ChangeType.DELETE || notPermitted.contains(key)) {
                continue;
            }
            Optional<JsonNode> existing = Optional.ofNullable(live.get(key));
            if (existing.isEmpty() && diff.change() == ChangeType.CREATE) {
                existing = server.apply(diff.object()).map(JsonNode.class::cast);
            }
            if (existing.isEmpty() || TrackingMarks.appOf(existing.get()).isPresent()) {
                continue;
            }
            if (adopt) {
                adopting.add(key);
            } else {
                refused.put(key, diff.object() + " already exists and was not created by Plumbline");
            }
        }
        context.adopting = adopting;
        context.adoptionRefused = refused;
        if (!refused.isEmpty()) {
            context.conditions()
                    .set(
                            ConditionType.AdoptionRefused,
                            "ExistsWithoutTrackingMarks",
                            refused.size() + " object(s) of the render exist in the cluster without Plumbline's"
                                    + " tracking marks and are not applied: "
                                    + String.join("; ", refused.values())
                                    + "; to let this Application take them over, set"
                                    + " spec.syncPolicy.adoptExisting: true (each adoption is then recorded), or"
                                    + " delete or rename them");
        }
    }

    private static void reportUnproven(ReconcileContext context) {
        List<Unproven> unproven = context.diff.prune().unproven();
        if (unproven.isEmpty()) {
            return;
        }
        context.conditions()
                .set(
                        ConditionType.OwnershipUnproven,
                        "NoMatchingTrackingId",
                        unproven.size() + " object(s) not in Git carry this Application's marks but are not pruned: "
                                + String.join(
                                        "; ",
                                        unproven.stream()
                                                .map(object -> ObjectIdentityReader.identityOf(object.object()) + ": "
                                                        + object.reason())
                                                .toList()));
    }
}
