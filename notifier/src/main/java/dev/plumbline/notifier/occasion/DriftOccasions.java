package dev.plumbline.notifier.occasion;

import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The drift-alerts topic: drift-detected, drift-recovered and self-heal-fight. */
final class DriftOccasions {

    private DriftOccasions() {}

    static Occurrence detected(DriftDetected drift, CommitRef commit) {
        Set<String> changedBy = new LinkedHashSet<>();
        List<ObjectLine> objects = drift.objects().stream()
                .map(drifted -> {
                    drifted.fields().stream()
                            .map(DriftedField::changedBy)
                            .filter(by -> by.known())
                            .forEach(by -> changedBy.add(by.manager()));
                    return line(drifted);
                })
                .toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("drift mode", drift.mode().label());
        facts.put("episode", drift.episodeId());
        return new Occurrence(
                NotificationOccasion.DRIFT_DETECTED,
                drift.app(),
                drift.revision(),
                "",
                drift.correlationId(),
                drift.time(),
                objects,
                List.copyOf(changedBy),
                plan(drift),
                facts,
                commit,
                List.of(drift.eventId()));
    }

    static Occurrence recovered(DriftRecovered recovery, CommitRef commit) {
        List<ObjectLine> objects = recovery.objects().stream()
                .map(object -> new ObjectLine(object, recovery.resolution().label(), List.of()))
                .toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("episode", recovery.episodeId());
        if (recovery.detectedAt() != null) {
            facts.put("lasted", lasted(Duration.between(recovery.detectedAt(), recovery.time())));
        }
        String outcome = switch (recovery.resolution()) {
            case HEALED -> "Plumbline healed it: live matches Git again.";
            case LIVE_RESTORED -> "Someone put the live objects back as Git wants them.";
            case DESIRED_CHANGED -> "Git changed so that it matches the live objects.";
        };
        return new Occurrence(
                NotificationOccasion.DRIFT_RECOVERED,
                recovery.app(),
                null,
                "",
                recovery.correlationId(),
                recovery.time(),
                objects,
                List.of(),
                outcome,
                facts,
                commit,
                List.of(recovery.eventId()));
    }

    static Occurrence fight(SelfHealFight fight, CommitRef commit) {
        String window = fight.window() == null ? "" : " in " + lasted(fight.window());
        ObjectLine line = new ObjectLine(
                fight.object(),
                "contested",
                List.of(fight.path() + ": reverted " + fight.reverts() + " times" + window
                        + FieldLines.by(fight.opponent())));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("field", fight.path());
        facts.put("other writer", fight.opponent().manager());
        return new Occurrence(
                NotificationOccasion.SELF_HEAL_FIGHT,
                fight.app(),
                null,
                fight.object() + "#" + fight.path(),
                fight.correlationId(),
                fight.time(),
                List.of(line),
                List.of(fight.opponent().manager()),
                "Plumbline stopped healing this field. Fix Git or the other writer, then resume self-heal or sync.",
                facts,
                commit,
                List.of(fight.eventId()));
    }

    private static ObjectLine line(DriftedObject drifted) {
        List<String> details = drifted.fields().stream()
                .map(field -> FieldLines.drifted(drifted.object(), field))
                .toList();
        return new ObjectLine(drifted.object(), drifted.kind().label(), details);
    }

    private static String plan(DriftDetected drift) {
        if (drift.willHeal()) {
            return "Plumbline will heal it: self-heal puts Git's version back.";
        }
        if (drift.mode() == DriftMode.HEAL && drift.pause() != null) {
            String until = drift.pause().until() == null
                    ? "until resumed"
                    : "until " + drift.pause().until();
            String reason =
                    drift.pause().reason().isBlank() ? "" : " (" + drift.pause().reason() + ")";
            return "Self-heal is paused by " + drift.pause().by() + " " + until + reason
                    + ": Plumbline will not heal it.";
        }
        return "Drift mode is " + drift.mode().label() + ": Plumbline reports it and will not heal it.";
    }

    static String lasted(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
