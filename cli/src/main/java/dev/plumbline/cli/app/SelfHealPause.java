package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The self-heal pause in force, read from the annotations themselves rather than from the reconciler's copy in the
 * status, so that a pause just set shows at once. As the reconciler does, a pause without a name is still a pause.
 */
record SelfHealPause(String by, Instant until, String reason) {

    static Optional<SelfHealPause> of(JsonNode app, Instant now) {
        String by = annotation(app, AnnotationNames.PAUSED_BY);
        String untilText = annotation(app, AnnotationNames.PAUSED_UNTIL);
        if (isBlank(by) && isBlank(untilText)) {
            return Optional.empty();
        }
        Instant until = null;
        if (!isBlank(untilText)) {
            try {
                until = Instant.parse(untilText.strip());
            } catch (DateTimeParseException unreadable) {
                // the reconciler refuses such an Application and says so in its conditions; shown as indefinite here
                until = null;
            }
        }
        if (until != null && !until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new SelfHealPause(
                isBlank(by) ? "unknown" : by.strip(), until, annotation(app, AnnotationNames.PAUSE_REASON)));
    }

    String describe() {
        return "paused by " + by + (until == null ? " (no end set)" : " until " + until)
                + (isBlank(reason) ? "" : ": " + reason);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
