package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.pause.ActivePause;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.EventType;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.vocabulary.AuditAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pause and resume as audit records. A person pauses self-heal with annotations on the Application; the reconciler
 * publishes them in the spec. Comparing each spec with the pause the trail last recorded gives the change: a new or
 * changed pause is "paused", its removal "resumed" (explicit), and its expiry "resumed" by Plumbline at the
 * {@code until} instant, whether or not a spec says so.
 */
public final class PauseTransitions {

    /** The Application does not say who removed a pause annotation. */
    public static final String UNKNOWN_ACTOR = "unknown";

    private PauseTransitions() {
    }

    /** The change a new spec makes, given the pause recorded last (null for none). */
    public static Optional<AuditEntry> onSpec(ApplicationSpec spec, ActivePause recorded, Instant now) {
        SelfHealPause pause = spec.selfHealPause();
        boolean active = pause != null && pause.activeAt(now);
        if (recorded == null) {
            return active ? Optional.of(paused(spec, pause)) : Optional.empty();
        }
        if (active) {
            return samePause(pause, recorded.pause()) ? Optional.empty() : Optional.of(paused(spec, pause));
        }
        if (expired(recorded, now)) {
            return onTime(spec.app(), recorded, now);
        }
        return Optional.of(new AuditEntry(spec.app(), AuditAction.RESUMED, UNKNOWN_ACTOR,
                "self-heal resumed: the pause set by " + recorded.pause().by() + " was removed", null, List.of(),
                details(recorded.pause()), spec.correlationId(), spec.eventId(), EventType.APPLICATION_SPEC.typeName(),
                spec.time()));
    }

    /** The expiry of the recorded pause, once its time has come. */
    public static Optional<AuditEntry> onTime(String app, ActivePause recorded, Instant now) {
        if (recorded == null || !expired(recorded, now)) {
            return Optional.empty();
        }
        SelfHealPause pause = recorded.pause();
        // the source is the spec that paused: with the action, a unique key, so the expiry is written once
        return Optional.of(new AuditEntry(app, AuditAction.RESUMED, AuditRecord.PLUMBLINE_ACTOR,
                "self-heal resumed: the pause set by " + pause.by() + " expired", null, List.of(), details(pause),
                recorded.correlationId(), recorded.sourceEventId(), EventType.APPLICATION_SPEC.typeName(),
                pause.until()));
    }

    private static boolean expired(ActivePause recorded, Instant now) {
        return recorded.pause().until() != null && !now.isBefore(recorded.pause().until());
    }

    private static AuditEntry paused(ApplicationSpec spec, SelfHealPause pause) {
        String summary = "self-heal paused by " + pause.by()
                + (pause.until() == null ? " until resumed" : " until " + pause.until())
                + (pause.reason().isBlank() ? "" : ": " + pause.reason());
        return new AuditEntry(spec.app(), AuditAction.PAUSED, pause.by(), summary, null, List.of(), details(pause),
                spec.correlationId(), spec.eventId(), EventType.APPLICATION_SPEC.typeName(), spec.time());
    }

    private static boolean samePause(SelfHealPause a, SelfHealPause b) {
        return Objects.equals(a.until(), b.until()) && a.by().equals(b.by()) && a.reason().equals(b.reason());
    }

    private static ObjectNode details(SelfHealPause pause) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (pause.until() != null) {
            details.put(ActivePause.UNTIL, pause.until().toString());
        }
        details.put(ActivePause.BY, pause.by());
        details.put(ActivePause.REASON, pause.reason());
        return details;
    }
}
