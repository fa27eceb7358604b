package dev.plumbline.reconciler.application;

import dev.plumbline.events.application.RequestedSync;
import dev.plumbline.events.application.SelfHealPause;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Switches that are not desired state, set on an Application by a person with their own Kubernetes credentials (as
 * {@code flux suspend} and {@code flux reconcile} do), so the API server's audit log knows who did it:
 * <pre>
 * kubectl annotate application shop plumbline.dev/self-heal-paused-by=alice \
 *     plumbline.dev/self-heal-paused-until=2030-01-01T18:00:00Z plumbline.dev/self-heal-pause-reason="incident 42"
 * kubectl annotate application shop --overwrite plumbline.dev/sync-requested-at="$(date -u +%FT%TZ)" \
 *     plumbline.dev/sync-requested-by=alice
 * </pre>
 */
public final class OperationalAnnotations {

    public static final String PAUSED_BY = "plumbline.dev/self-heal-paused-by";
    public static final String PAUSED_UNTIL = "plumbline.dev/self-heal-paused-until";
    public static final String PAUSE_REASON = "plumbline.dev/self-heal-pause-reason";
    public static final String SYNC_REQUESTED_AT = "plumbline.dev/sync-requested-at";
    public static final String SYNC_REQUESTED_BY = "plumbline.dev/sync-requested-by";

    private OperationalAnnotations() {}

    /**
     * The pause in force: set by {@value #PAUSED_BY} or {@value #PAUSED_UNTIL}; without a name the pause is still
     * honoured, by "unknown", since refusing it would heal during an incident.
     *
     * @throws IllegalArgumentException when the until value is not an RFC 3339 time
     */
    public static Optional<SelfHealPause> pause(Map<String, String> annotations) {
        String by = blankToNull(annotations.get(PAUSED_BY));
        String until = blankToNull(annotations.get(PAUSED_UNTIL));
        if (by == null && until == null) {
            return Optional.empty();
        }
        return Optional.of(new SelfHealPause(
                until == null ? null : time(PAUSED_UNTIL, until),
                by == null ? "unknown" : by,
                annotations.get(PAUSE_REASON)));
    }

    /**
     * The sync asked for: the value of {@value #SYNC_REQUESTED_AT} is the request's token (a new value, a new
     * request), and its time when it is one. It syncs the latest render: there is no annotation for another
     * revision, because only the latest render's desired state exists; a rollback is a revert in Git.
     */
    public static Optional<RequestedSync> requestedSync(Map<String, String> annotations) {
        String token = blankToNull(annotations.get(SYNC_REQUESTED_AT));
        if (token == null) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.parse(token);
        } catch (DateTimeParseException notATime) {
            at = null;
        }
        String by = blankToNull(annotations.get(SYNC_REQUESTED_BY));
        return Optional.of(new RequestedSync(token, by == null ? "unknown" : by, at, null));
    }

    private static Instant time(String annotation, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("annotation " + annotation + " must be an RFC 3339 time such as "
                    + "2030-01-01T18:00:00Z, got \"" + value + "\"");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
