package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.pause.ActivePause;
import dev.plumbline.driftauditor.pause.ResumeMark;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.EventType;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.vocabulary.AuditAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pause and resume as audit records. A person pauses self-heal with annotations on the Application; the reconciler
 * publishes them in the spec. Comparing each spec with the pause the trail last recorded gives the change: a new or
 * changed pause is "paused", its removal "resumed" (explicit, by the person the Application's {@link ResumeMark}
 * names), and its expiry "resumed" by Plumbline at the {@code until} instant, whether or not a spec says so.
 */
public final class PauseTransitions {

    /** The actor of a resume when the Application carries no mark of it (the annotations removed by hand). */
    public static final String UNKNOWN_ACTOR = "unknown";

    /** How far the resumer's clock may be off the services' clocks. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private PauseTransitions() {}

    /**
     * The change a new spec makes, given the pause recorded last (null for none).
     *
     * @param resumeMark the Application's resume mark, asked for only when the spec removed the pause
     */
    public static Optional<AuditEntry> onSpec(
            ApplicationSpec spec, ActivePause recorded, Instant now, Supplier<Optional<ResumeMark>> resumeMark) {
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
        String resumedBy = resumeMark
                .get()
                .filter(mark -> marksThisResume(mark, recorded, spec))
                .map(ResumeMark::by)
                .orElse(UNKNOWN_ACTOR);
        return Optional.of(new AuditEntry(
                spec.app(),
                AuditAction.RESUMED,
                resumedBy,
                "self-heal resumed" + (resumedBy.equals(UNKNOWN_ACTOR) ? "" : " by " + resumedBy)
                        + ": the pause set by " + recorded.pause().by() + " was removed",
                null,
                List.of(),
                details(recorded.pause()),
                spec.correlationId(),
                spec.eventId(),
                EventType.APPLICATION_SPEC.typeName(),
                spec.time()));
    }

    /**
     * Whether the mark was written by the resume this spec shows: after the pause was recorded and before the spec
     * was published, give or take {@link #CLOCK_SKEW} (the mark has the resumer's clock). A mark from before the
     * pause is an earlier resume's, one from after the spec a later one's, read late.
     */
    private static boolean marksThisResume(ResumeMark mark, ActivePause recorded, ApplicationSpec spec) {
        boolean afterPause = recorded.pausedAt() == null
                || !mark.at().isBefore(recorded.pausedAt().minus(CLOCK_SKEW));
        return afterPause && !mark.at().isAfter(spec.time().plus(CLOCK_SKEW));
    }

    /** The expiry of the recorded pause, once its time has come. */
    public static Optional<AuditEntry> onTime(String app, ActivePause recorded, Instant now) {
        if (recorded == null || !expired(recorded, now)) {
            return Optional.empty();
        }
        SelfHealPause pause = recorded.pause();
        // the source is the spec that paused: with the action, a unique key, so the expiry is written once
        return Optional.of(new AuditEntry(
                app,
                AuditAction.RESUMED,
                AuditRecord.PLUMBLINE_ACTOR,
                "self-heal resumed: the pause set by " + pause.by() + " expired",
                null,
                List.of(),
                details(pause),
                recorded.correlationId(),
                recorded.sourceEventId(),
                EventType.APPLICATION_SPEC.typeName(),
                pause.until()));
    }

    private static boolean expired(ActivePause recorded, Instant now) {
        return recorded.pause().until() != null
                && !now.isBefore(recorded.pause().until());
    }

    private static AuditEntry paused(ApplicationSpec spec, SelfHealPause pause) {
        String summary = "self-heal paused by " + pause.by()
                + (pause.until() == null ? " until resumed" : " until " + pause.until())
                + (pause.reason().isBlank() ? "" : ": " + pause.reason());
        return new AuditEntry(
                spec.app(),
                AuditAction.PAUSED,
                pause.by(),
                summary,
                null,
                List.of(),
                details(pause),
                spec.correlationId(),
                spec.eventId(),
                EventType.APPLICATION_SPEC.typeName(),
                spec.time());
    }

    private static boolean samePause(SelfHealPause a, SelfHealPause b) {
        return Objects.equals(a.until(), b.until())
                && a.by().equals(b.by())
                && a.reason().equals(b.reason());
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
