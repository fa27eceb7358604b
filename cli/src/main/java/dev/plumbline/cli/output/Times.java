package dev.plumbline.cli.output;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times for people: to the second, as kubectl shows them; -o json|yaml keeps the full precision for scripts. */
public final class Times {

    private Times() {}

    /** An RFC 3339 time to the second ({@code 2026-11-27T20:17:50Z}); anything else, or null, as it is. */
    public static String toSecond(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException notATime) {
            return time;
        }
    }
}
