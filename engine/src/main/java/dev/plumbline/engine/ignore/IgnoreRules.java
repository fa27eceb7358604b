package dev.plumbline.engine.ignore;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.object.FieldSet;
import dev.plumbline.engine.object.ManagedFieldsEntry;
import dev.plumbline.events.application.IgnoreDifference;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An Application's {@code ignoreDifferences}: fields left out of its diffs and drift. A rule matches by group and
 * kind, and by name and namespace when it gives them. Its fields are removed from both the desired and the live
 * body before they are compared (as in Argo CD), so an ignored field is neither a difference nor, in a keyed list, a
 * gained entry:
 * <ul>
 *   <li>JSON pointers (RFC 6901) address fields of the object as written, list elements by position;</li>
 *   <li>field managers select every field the live object's {@code metadata.managedFields} says they own, such as
 *       the replicas an autoscaler sets; a list element a manager added is ignored whole.</li>
 * </ul>
 */
public final class IgnoreRules {

    private static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<IgnoreDifference> rules;

    /** @throws IllegalArgumentException naming the rule when a pointer is not an RFC 6901 JSON pointer */
    public IgnoreRules(List<IgnoreDifference> rules) {
        this.rules = List.copyOf(rules == null ? List.of() : rules);
        for (IgnoreDifference rule : this.rules) {
            for (String pointer : rule.jsonPointers()) {
                compile(rule, pointer);
            }
        }
    }

    public static IgnoreRules none() {
        return NONE;
    }

    /** The rules that apply to {@code object}. */
    public List<IgnoreDifference> matching(ObjectIdentity object) {
        return rules.stream().filter(rule -> matches(rule, object)).toList();
    }

    /**
     * Removes ignored fields from normalized copies of both sides, in place.
     *
     * @param object     the object compared
     * @param liveAsRead the live object as the cluster gave it, with its managedFields; null when absent
     * @param desired    the normalized desired copy
     * @param live       the normalized live copy
     */
    public void removeIgnored(ObjectIdentity object, JsonNode liveAsRead, ObjectNode desired, ObjectNode live) {
        List<IgnoreDifference> applicable = matching(object);
        if (applicable.isEmpty()) {
            return;
        }
        List<String> managers = new ArrayList<>();
        for (IgnoreDifference rule : applicable) {
            for (String pointer : rule.jsonPointers()) {
                JsonPointer compiled = compile(rule, pointer);
                remove(desired, compiled);
                remove(live, compiled);
            }
            managers.addAll(rule.managedFieldsManagers());
        }
        if (!managers.isEmpty() && liveAsRead != null) {
            FieldSet owned = FieldSet.union(ManagedFieldsEntry.of(liveAsRead).stream()
                    .filter(entry -> managers.contains(entry.manager()))
                    .map(ManagedFieldsEntry::fields)
                    .toList());
            owned.removeFrom(desired);
            owned.removeFrom(live);
        }
    }

    private static boolean matches(IgnoreDifference rule, ObjectIdentity object) {
        return rule.group().equals(object.group())
                && rule.kind().equals(object.kind())
                && (rule.name() == null || rule.name().equals(object.name()))
                && (rule.namespace() == null || Objects.equals(rule.namespace(), object.namespace()));
    }

    private static void remove(JsonNode root, JsonPointer pointer) {
        JsonNode parent = root.at(pointer.head());
        JsonPointer last = pointer.last();
        if (parent instanceof ObjectNode map) {
            map.remove(last.getMatchingProperty());
        } else if (parent instanceof ArrayNode list
                && last.getMatchingIndex() >= 0
                && last.getMatchingIndex() < list.size()) {
            list.remove(last.getMatchingIndex());
        }
    }

    private static JsonPointer compile(IgnoreDifference rule, String pointer) {
        try {
            JsonPointer compiled = JsonPointer.compile(pointer);
            if (compiled.matches()) {
                throw new IllegalArgumentException("it points at the whole object");
            }
            return compiled;
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(
                    "ignoreDifferences for " + rule.kind()
                            + (rule.name() == null ? "" : " " + rule.name()) + ": " + pointer
                            + " is not a JSON pointer to a field (RFC 6901, e.g. /spec/replicas): "
                            + invalid.getMessage(),
                    invalid);
        }
    }
}
