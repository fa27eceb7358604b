package dev.plumbline.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading an Application's JSON for people: absent values as null, revisions shortened as Git shortens them. */
final class AppFields {

    private AppFields() {}

    /** The text at a path of field names, or null when any part is absent. */
    static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String field : path) {
            at = at.path(field);
        }
        return at.isMissingNode() || at.isNull() ? null : at.asText();
    }

    static String name(JsonNode app) {
        return text(app, "metadata", "name");
    }

    /** The first seven characters of a commit SHA; other revisions (branches, tags) as they are. */
    static String shortRevision(String revision) {
        return revision != null && revision.matches("[0-9a-f]{40}") ? revision.substring(0, 7) : revision;
    }

    /** What a sync record's counts say, as the reconciler words them. */
    static String syncCounts(JsonNode sync) {
        return sync.path("applied").asInt() + " applied, " + sync.path("pruned").asInt() + " pruned";
    }

    /** A sync record's message, or null when it is empty or only repeats the counts (a plain success). */
    static String syncMessage(JsonNode sync) {
        String message = text(sync, "message");
        return message == null || message.isBlank() || message.equals(syncCounts(sync)) ? null : message;
    }

    static String annotation(JsonNode app, String name) {
        return text(app, "metadata", "annotations", name);
    }

    /**
     * What drifted, for the drift column and line: {@code 3 field(s)} (with {@code in 2 object(s)} when
     * {@code withObjects}), {@code 1 deleted object(s)}, {@code 1 orphan(s)}, each only when there is some. A status
     * without the deleted and orphan counts (written by an older reconciler) that has no field says how many objects.
     */
    static String driftCounts(JsonNode drift, boolean withObjects) {
        int objects = drift.path("objects").asInt();
        int fields = drift.path("fields").asInt();
        int deleted = drift.path("deleted").asInt();
        int orphans = drift.path("orphans").asInt();
        List<String> parts = new ArrayList<>();
        if (fields > 0) {
            parts.add(
                    fields + " field(s)" + (withObjects ? " in " + (objects - deleted - orphans) + " object(s)" : ""));
        }
        if (deleted > 0) {
            parts.add(deleted + " deleted object(s)");
        }
        if (orphans > 0) {
            parts.add(orphans + " orphan(s)");
        }
        return parts.isEmpty() ? objects + " object(s)" : String.join(", ", parts);
    }
}
