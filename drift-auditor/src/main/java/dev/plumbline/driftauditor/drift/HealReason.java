package dev.plumbline.driftauditor.drift;

import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import java.util.List;

/** The one-line reason of a heal request, e.g. "drift: spec.replicas changed by kubectl-edit in Deployment ...". */
final class HealReason {

    private HealReason() {}

    static String of(List<DriftedObject> objects) {
        DriftedObject first = objects.get(0);
        String what = switch (first.kind()) {
            case DELETED -> first.object() + " deleted";
            case ORPHAN -> first.object() + " exists but Git does not have it";
            case MODIFIED -> describe(first.fields().get(0)) + " in " + first.object();
        };
        int others = objects.size() - 1 + Math.max(0, first.fields().size() - 1);
        return "drift: " + what + (others > 0 ? ", and " + others + " more" : "");
    }

    private static String describe(DriftedField field) {
        return field.path() + " changed by " + field.changedBy().manager();
    }
}
