package dev.plumbline.driftauditor.drift;

import dev.plumbline.driftauditor.heal.FightDetector;
import dev.plumbline.driftauditor.heal.HealBackoff;
import dev.plumbline.engine.diff.DriftAnalyzer;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.RenderedObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/** What the drift rules keep about one app between evaluations. Used on the drift loop's thread only. */
final class AppDrift {

    private static final Logger LOG = Logger.getLogger(AppDrift.class.getName());

    final String app;
    ApplicationSpec spec;
    DriftAnalyzer analyzer;
    ManifestsRendered desired;
    Map<ObjectKey, RenderedObject> desiredByKey = Map.of();
    Instant desiredSince;
    final Set<ObjectKey> seenLive = new HashSet<>();
    final EpisodeTracker episode = new EpisodeTracker();
    final HealBackoff backoff;
    final FightDetector fights;
    Map<ObjectKey, DriftedObject> current = new LinkedHashMap<>();
    Instant recheckAt;
    boolean pausedBefore;

    AppDrift(String app, DriftSettings settings) {
        this.app = app;
        this.backoff = new HealBackoff(settings.initialBackoff(), settings.backoffFactor(), settings.maxBackoff(),
                settings.backoffReset());
        this.fights = new FightDetector(settings.fightReverts(), settings.fightWindow());
    }

    void spec(ApplicationSpec newSpec) {
        spec = newSpec;
        try {
            analyzer = new DriftAnalyzer(new IgnoreRules(newSpec == null ? List.of() : newSpec.ignoreDifferences()));
        } catch (IllegalArgumentException malformed) {
            // a malformed ignore rule must not stop drift detection: compare without rules, and say why
            LOG.warning("app " + app + ": ignoring its ignoreDifferences, " + malformed.getMessage());
            analyzer = new DriftAnalyzer(new IgnoreRules(List.of()));
        }
    }

    void desired(ManifestsRendered rendered, Instant now) {
        desired = rendered;
        desiredSince = now;
        Map<ObjectKey, RenderedObject> byKey = new LinkedHashMap<>();
        if (rendered != null) {
            rendered.objects().forEach(object -> byKey.put(ObjectKey.of(object.identity()), object));
        }
        desiredByKey = byKey;
    }

    /** Whether this instance compares the app: it holds its desired state, or only orphans name it. */
    boolean hasDesired() {
        return desired != null;
    }
}
