package dev.plumbline.driftauditor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.driftauditor.heal.Fight;
import dev.plumbline.driftauditor.heal.SyncOutcomes;
import dev.plumbline.driftauditor.watch.LiveChanges;
import dev.plumbline.driftauditor.watch.LiveObjectCache;
import dev.plumbline.driftauditor.watch.LiveView;
import dev.plumbline.driftauditor.watch.WatchedKind;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Drift detection and self-heal for the apps of this instance. Every input (a live change, a new desired state, a
 * new Application spec, a timer tick, the periodic full comparison) re-evaluates the apps it concerns; the episode,
 * pause, backoff and fight rules turn evaluations into events. Everything runs on one thread (the drift loop), so
 * nothing here is synchronized.
 */
public final class DriftMonitor implements LiveChanges {

    private enum Cause { LIVE, DESIRED, SPEC, TIMER }

    private final DriftSettings settings;
    private final Clock clock;
    private final LiveView live;
    private final DriftOutputs outputs;
    private final Predicate<String> ownsOrphansOf;
    private final DriftEvaluator evaluator;
    private final Map<String, AppDrift> apps = new HashMap<>();
    private final SyncOutcomes syncOutcomes = new SyncOutcomes();
    private final Map<ObjectKey, String> desiredBy = new HashMap<>();

    /** @param ownsOrphansOf whether this instance reports the orphans naming an app (its partition is this one's) */
    public DriftMonitor(DriftSettings settings, Clock clock, LiveView live, DriftOutputs outputs,
                        Predicate<String> ownsOrphansOf) {
        this.settings = settings;
        this.clock = clock;
        this.live = live;
        this.outputs = outputs;
        this.ownsOrphansOf = ownsOrphansOf;
        this.evaluator = new DriftEvaluator(settings);
    }

    /** A new spec of an Application, or null when it was deleted. */
    public void specChanged(String app, ApplicationSpec spec) {
        AppDrift state = apps.computeIfAbsent(app, name -> new AppDrift(name, settings));
        state.spec(spec);
        evaluate(state, Cause.SPEC);
        forgetIfIdle(state);
    }

    /** A new desired state of an app of this instance, or null when it is gone (deleted, or its partition left). */
    public void desiredChanged(String app, ManifestsRendered rendered) {
        AppDrift state = apps.computeIfAbsent(app, name -> new AppDrift(name, settings));
        if (rendered != null && state.desired != null && rendered.digest().equals(state.desired.digest())) {
            return;
        }
        state.desiredByKey.keySet().forEach(desiredBy::remove);
        state.desired(rendered, clock.instant());
        state.seenLive.clear();
        // a new commit is a person acting: contested fields may be healed again
        state.fights.clear();
        state.desiredByKey.keySet().forEach(key -> desiredBy.put(key, app));
        if (rendered != null) {
            live.watch(rendered.objects().stream().map(object -> WatchedKind.of(object.identity())).toList());
        }
        evaluate(state, Cause.DESIRED);
        forgetIfIdle(state);
    }

    /**
     * What the reconciler did to an object in a sync. A sync that succeeded and was not a heal (a person's sync, a
     * new revision) starts the app's heal backoff again: the waits earned by earlier heals that did not take say
     * nothing about a drift made after it. A heal's own success does not, or a controller reverting each heal
     * would be fought without pause.
     */
    public void applied(ApplyAction action) {
        if (syncOutcomes.completesSuccessfulSync(action) && action.trigger() != SyncTrigger.SELF_HEAL) {
            Optional.ofNullable(apps.get(action.app())).ifPresent(state -> state.backoff.reset());
        }
    }

    /** A watched object changed: {@code after} is null when it was deleted, {@code before} null when it is new. */
    @Override
    public void liveChanged(JsonNode before, JsonNode after) {
        Set<String> concerned = new LinkedHashSet<>();
        for (JsonNode body : new JsonNode[] {before, after}) {
            if (body != null) {
                concerned.add(LiveObjectCache.appOf(body));
                Optional.ofNullable(desiredBy.get(ObjectKey.of(body))).ifPresent(concerned::add);
            }
        }
        concerned.forEach(app -> evaluate(apps.computeIfAbsent(app, name -> new AppDrift(name, settings)),
                Cause.LIVE));
    }

    /** A kind's watch has listed its objects: what it holds can now be compared. */
    @Override
    public void kindSynced(GroupKind kind) {
        for (AppDrift state : List.copyOf(apps.values())) {
            if (state.desiredByKey.keySet().stream()
                    .anyMatch(key -> key.group().equals(kind.group()) && key.kind().equals(kind.kind()))) {
                evaluate(state, Cause.LIVE);
            }
        }
        live.trackedApps().forEach(app -> evaluate(apps.computeIfAbsent(app, name -> new AppDrift(name, settings)),
                Cause.LIVE));
    }

    /** Timers: a heal waiting for its backoff, a pause expiring, an object given time to settle. */
    public void tick() {
        Instant now = clock.instant();
        for (AppDrift state : List.copyOf(apps.values())) {
            boolean pauseEnded = state.pausedBefore && !paused(state, now);
            if (pauseEnded || (state.recheckAt != null && !now.isBefore(state.recheckAt))) {
                evaluate(state, Cause.TIMER);
            }
        }
    }

    /** Compares every app again (after the watches' caches were checked against a fresh list). */
    @Override
    public void compareAll() {
        Set<String> names = new HashSet<>(apps.keySet());
        names.addAll(live.trackedApps());
        names.forEach(app -> evaluate(apps.computeIfAbsent(app, name -> new AppDrift(name, settings)), Cause.TIMER));
    }

    /** The app's drift as last evaluated, empty when it has none or is not this instance's. */
    public List<DriftedObject> currentDrift(String app) {
        AppDrift state = apps.get(app);
        return state == null ? List.of() : List.copyOf(state.current.values());
    }

    /** The desired state this instance holds for the app. */
    public Optional<ManifestsRendered> desired(String app) {
        return Optional.ofNullable(apps.get(app)).map(state -> state.desired);
    }

    /** The apps whose desired state this instance holds: the ones it compares. */
    public List<String> desiredApps() {
        return apps.values().stream().filter(AppDrift::hasDesired).map(state -> state.app).sorted().toList();
    }

    private void evaluate(AppDrift state, Cause cause) {
        Instant now = clock.instant();
        boolean orphansOnly = state.spec == null && !state.hasDesired();
        if (orphansOnly && !ownsOrphansOf.test(state.app)) {
            return;
        }
        if (!orphansOnly && (!state.hasDesired() || state.spec == null || mode(state) == DriftMode.OFF)) {
            state.current = new LinkedHashMap<>();
            state.recheckAt = null;
            return;
        }
        if (state.analyzer == null) {
            state.spec(null);
        }
        DriftEvaluator.Result result = evaluator.evaluate(state, live, now);
        state.current = result.drift();
        state.recheckAt = result.recheckAt();
        boolean paused = paused(state, now);
        if (paused != state.pausedBefore) {
            // a pause or a resume is someone acting: contested fields may be healed again
            state.fights.clear();
            state.pausedBefore = paused;
        }
        if (paused && state.spec.selfHealPause().until() != null) {
            state.recheckAt = earliest(state.recheckAt, state.spec.selfHealPause().until());
        }
        EpisodeTracker.Change change = state.episode.update(state.current, now);
        if (change instanceof EpisodeTracker.Began || change instanceof EpisodeTracker.Grew) {
            outputs.publish(DriftDetected.of(correlationId(state), state.app, state.episode.episodeId(),
                    revision(state), mode(state), paused ? state.spec.selfHealPause() : null,
                    List.copyOf(state.current.values())));
        } else if (change instanceof EpisodeTracker.Ended ended) {
            DriftResolution resolution = cause == Cause.DESIRED ? DriftResolution.DESIRED_CHANGED
                    : ended.healRequested() ? DriftResolution.HEALED : DriftResolution.LIVE_RESTORED;
            outputs.publish(DriftRecovered.of(correlationId(state), state.app, ended.episodeId(), ended.detectedAt(),
                    resolution, ended.objects()));
        }
        for (Fight fight : state.fights.observe(state.current, now)) {
            outputs.publish(SelfHealFight.of(correlationId(state), state.app, state.episode.episodeId(),
                    fight.object(), fight.path(), fight.opponent(), fight.reverts(), fight.window()));
        }
        if (!orphansOnly && mode(state) == DriftMode.HEAL && !paused && !state.current.isEmpty()) {
            heal(state, now);
        }
    }

    private void heal(AppDrift state, Instant now) {
        List<DriftedObject> healable = new ArrayList<>();
        state.current.forEach((key, object) -> {
            if (!state.fights.contested(key, object)) {
                healable.add(object);
            }
        });
        if (healable.isEmpty()) {
            return;
        }
        Instant allowed = state.backoff.nextAllowedAt(now);
        if (allowed.isAfter(now)) {
            state.recheckAt = earliest(state.recheckAt, allowed);
            return;
        }
        outputs.publish(SyncRequested.of(PlumblineService.DRIFT_AUDITOR, correlationId(state), state.app,
                SyncTrigger.SELF_HEAL, HealReason.of(healable), AuditRecord.PLUMBLINE_ACTOR, null,
                healable.stream().map(DriftedObject::object).toList()));
        state.backoff.requested(now);
        state.episode.healRequested();
        state.fights.healRequested(healable, state.current);
        // look again once the backoff allows, in case the heal does not take
        state.recheckAt = earliest(state.recheckAt, state.backoff.nextAllowedAt(now));
    }

    private void forgetIfIdle(AppDrift state) {
        if (state.spec == null && !state.hasDesired() && state.current.isEmpty() && state.episode.episodeId() == null) {
            apps.remove(state.app);
        }
    }

    private static boolean paused(AppDrift state, Instant now) {
        return state.spec != null && state.spec.selfHealPausedAt(now);
    }

    private static DriftMode mode(AppDrift state) {
        return state.spec == null ? DriftMode.WARN : state.spec.effectiveDriftMode();
    }

    private static String correlationId(AppDrift state) {
        return state.desired != null ? state.desired.correlationId()
                : Objects.requireNonNullElseGet(state.episode.episodeId(), () -> UUID.randomUUID().toString());
    }

    private static String revision(AppDrift state) {
        return state.desired == null ? null : state.desired.revision();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
