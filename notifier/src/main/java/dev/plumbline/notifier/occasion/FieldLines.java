package dev.plumbline.notifier.occasion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;

/**
 * Writes one changed field as a line of a message. Values of Secrets are masked upstream already; they are left
 * out here as well, so that a masking fault upstream still never puts a secret into Slack or a mailbox.
 */
final class FieldLines {

    /** Long values (a whole ConfigMap entry, a certificate) would drown the message. */
    private static final int LONGEST_VALUE = 80;

    private static final String HIDDEN = "(hidden)";

    private FieldLines() {}

    static String drifted(ObjectIdentity object, DriftedField field) {
        return field.path() + ": " + value(object, field.desired()) + " → " + value(object, field.live())
                + by(field.changedBy());
    }

    static String diffed(ObjectIdentity object, FieldDiff field) {
        return field.path() + ": " + value(object, field.before()) + " → " + value(object, field.after());
    }

    static String by(FieldManagerAttribution attribution) {
        if (!attribution.known()) {
            return "";
        }
        return attribution.operation() == null
                ? " (" + attribution.manager() + ")"
                : " (" + attribution.manager() + ", " + attribution.operation() + ")";
    }

    private static String value(ObjectIdentity object, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "(none)";
        }
        if (object.group().isEmpty() && object.kind().equals("Secret")) {
            return HIDDEN;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE - 1) + "…";
    }
}
