package dev.plumbline.driftauditor.pause;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Who resumed self-heal and when, as {@code plumb app resume} writes it on the Application in the same change that
 * removes the pause annotations. The Application spec the reconciler publishes has no pause any more, so the trail
 * reads this mark from the Application itself to name the person.
 *
 * @param by who resumed
 * @param at when, by the clock of the machine that resumed
 */
public record ResumeMark(String by, Instant at) {

    public static final String RESUMED_BY = "plumbline.dev/self-heal-resumed-by";
    public static final String RESUMED_AT = "plumbline.dev/self-heal-resumed-at";

    /** The mark among an Application's annotations; empty when either is missing, blank or not a time. */
    public static Optional<ResumeMark> from(Map<String, String> annotations) {
        String by = annotations.get(RESUMED_BY);
        String at = annotations.get(RESUMED_AT);
        if (by == null || by.isBlank() || at == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ResumeMark(by.strip(), Instant.parse(at.strip())));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
