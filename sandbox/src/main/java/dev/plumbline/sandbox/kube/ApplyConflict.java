package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An apply that would change fields another manager owns: answered 409 with a {@code Status} whose message
 * and causes are worded as Kubernetes words them, so that tools parsing them (kubectl, Plumbline's
 * reconciler) see the same thing as against a real cluster.
 */
final class ApplyConflict extends ApiException {

    private static final long serialVersionUID = 1L;

    /** One field the applier would change, and the entry that owns it. */
    record Field(ManagedFields.Entry owner, List<String> path) {}

    ApplyConflict(List<Field> fields) {
        super(409, "Conflict", message(fields), details(fields));
    }

    private static String message(List<Field> fields) {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        fields.forEach(field -> byOwner.computeIfAbsent(ownerText(field.owner()), owner -> new ArrayList<>())
                .add(ObjectFields.describe(field.path())));
        StringBuilder text = new StringBuilder("Apply failed with ")
                .append(fields.size())
                .append(fields.size() == 1 ? " conflict: " : " conflicts: ");
        byOwner.forEach((owner, paths) -> {
            if (paths.size() == 1) {
                text.append("conflict with ").append(owner).append(": ").append(paths.get(0));
            } else {
                text.append("conflicts with ").append(owner).append(':');
                paths.forEach(path -> text.append("\n- ").append(path));
            }
            text.append('\n');
        });
        return text.toString().strip();
    }

    private static ObjectNode details(List<Field> fields) {
        ObjectNode details = KubeJson.MAPPER.createObjectNode();
        ArrayNode causes = details.putArray("causes");
        fields.forEach(field -> causes.addObject()
                .put("reason", "FieldManagerConflict")
                .put("message", "conflict with " + ownerText(field.owner()))
                .put("field", ObjectFields.describe(field.path())));
        return details;
    }

    private static String ownerText(ManagedFields.Entry owner) {
        String name = "\"" + owner.manager() + "\"";
        return ManagedFields.UPDATE.equals(owner.operation()) ? name + " using " + owner.apiVersion() : name;
    }
}
