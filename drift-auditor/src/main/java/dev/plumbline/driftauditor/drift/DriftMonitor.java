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
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Drift detection and self-heal for the apps of this instance. Every input (a live change, a new desired state, a
 * new Application spec, a timer tick, the periodic full comparison) re-evaluates the apps it concerns; the episode,
 * pause, backoff and fight rules turn evaluations into events. Everything runs on one thread (the drift loop), so
 * nothing here is synchronized.
 */
public final class DriftMonitor implements LiveChanges {

    private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

    private enum Cause {
        LIVE,
        DESIRED,
        SPEC,
        TIMER
    }

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
    public DriftMonitor(
            DriftSettings settings, Clock clock, LiveView live, DriftOutputs outputs, Predicate<String> ownsOrphansOf) {
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
        state.specChanged(spec);
        releaseRenderOfEarlierSource(state);
        // a Project that changed may now allow the render it refused, a source changed back the render it waited for
        if (!state.offerWaiting() || !adoptOffered(state)) {
            evaluate(state, Cause.SPEC);
        }
        forgetIfIdle(state);
    }

    /**
     * A new render of an app of this instance, or null when it is gone (deleted, or its partition left). It becomes
     * the desired state unless it was made for an earlier source of the Application, or the app's project refuses an
     * object of it: then the desired state in force stays, as for a render that does not verify, and no heal goes
     * toward what the reconciler will not apply.
     */
    public void desiredChanged(String app, ManifestsRendered rendered) {
        AppDrift state = apps.computeIfAbsent(app, name -> new AppDrift(name, settings));
        state.offered(rendered);
        adoptOffered(state);
        forgetIfIdle(state);
    }

    /** @return whether the offered render became the desired state (and the app was evaluated) */
    private boolean adoptOffered(AppDrift state) {
        ManifestsRendered rendered = state.offered();
        Optional<String> refusal = rendered == null || state.spec() == null
                ? Optional.empty()
                : earlierSource(rendered, state.spec())
                        .or(() -> new ProjectLimits(state.spec(), live::namespaced)
                                .renderRefusal(rendered)
                                .map(reason -> "its project refuses it (" + reason + ")"));
        if (refusal.isPresent()) {
            if (state.offerRefused(refusal.get())) {
                LOG.warnf(
                        "app %s: the render of %s is not taken as desired state, %s; the desired state of %s stays"
                                + " and no heal goes toward the refused render",
                        state.app(),
                        rendered.revision(),
                        refusal.get(),
                        state.revision() == null ? "no revision" : state.revision());
            }
            return false;
        }
        Optional<AppDrift.DesiredReplaced> replaced = state.desiredChanged(rendered, clock.instant());
        if (replaced.isEmpty()) {
            return false;
        }
        replaced.get().released().forEach(desiredBy::remove);
        replaced.get().claimed().forEach(key -> desiredBy.put(key, state.app()));
        if (rendered != null) {
            live.watch(rendered.objects().stream()
                    .map(object -> WatchedKind.of(object.identity()))
                    .toList());
        }
        evaluate(state, Cause.DESIRED);
        return true;
    }

    /**
     * The desired state held was made for a source the Application no longer names (its path, repository, revision,
     * options or namespace changed): drift is not measured, nor healed, against it. The app has no desired state
     * until a render of its current source arrives; its render waits, in case the source changes back.
     */
    private void releaseRenderOfEarlierSource(AppDrift state) {
        Optional<String> earlier = state.spec() == null
                ? Optional.empty()
                : state.desired().flatMap(desired -> earlierSource(desired, state.spec()));
        if (earlier.isEmpty()) {
            return;
        }
        state.desiredChanged(null, clock.instant())
                .ifPresent(replaced -> replaced.released().forEach(desiredBy::remove));
        state.offerRefused(earlier.get());
        LOG.infof("app %s: its source changed; no drift is measured until a render of it arrives", state.app());
    }

    private static Optional<String> earlierSource(ManifestsRendered rendered, ApplicationSpec spec) {
        return rendered.madeFor(spec)
                ? Optional.empty()
                : Optional.of(
                        "it was made for an earlier source of the Application (" + rendered.describeSource() + ")");
    }

    /**
     * What the reconciler did to an object in a sync. A sync that succeeded and was not a heal (a person's sync, a
     * new revision) starts the app's heal backoff again: the waits earned by earlier heals that did not take say
     * nothing about a drift made after it. A heal's own success does not, or a controller reverting each heal
     * would be fought without pause.
     */
    public void applied(ApplyAction action) {
        if (syncOutcomes.completesSuccessfulSync(action) && action.trigger() != SyncTrigger.SELF_HEAL) {
            Optional.ofNullable(apps.get(action.app())).ifPresent(AppDrift::syncSucceeded);
        }
    }

    /**
     * Apps came to this instance from another (or back to it): each carries on from what was told about it on the
     * bus. Called before their renders are read again.
     *
     * @param gained whether an app is on a partition that came
     */
    public void handedOver(Predicate<String> gained, DriftHistory history) {
        Set<String> names = new HashSet<>(history.apps());
        apps.keySet().stream().filter(gained).forEach(names::add);
        Instant now = clock.instant();
        for (String app : names) {
            if (gained.test(app)) {
                AppDrift state = apps.computeIfAbsent(app, name -> new AppDrift(name, settings));
                LOG.debugf("app %s came to this instance: %s", app, history.of(app));
                state.handedOver(
                        history.of(app)
                                .orElseGet(() ->
                                        new DriftHistory.AppHistory(null, null, null, List.of(), List.of(), List.of())),
                        now);
                forgetIfIdle(state);
            }
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
        concerned.forEach(app -> evaluate(apps.computeIfAbsent(app, name -> new AppDrift(name, settings)), Cause.LIVE));
    }

    /** A kind's watch has listed its objects: what it holds can now be compared. */
    @Override
    public void kindSynced(GroupKind kind) {
        for (AppDrift state : List.copyOf(apps.values())) {
            if (state.desires(kind)) {
                evaluate(state, Cause.LIVE);
            }
        }
        live.trackedApps()
                .forEach(app -> evaluate(apps.computeIfAbsent(app, name -> new AppDrift(name, settings)), Cause.LIVE));
    }

    /** Timers: a heal waiting for its backoff, a pause expiring, an object given time to settle. */
    public void tick() {
        Instant now = clock.instant();
        for (AppDrift state : List.copyOf(apps.values())) {
            if (state.dueAt(now)) {
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
        return state == null ? List.of() : List.copyOf(state.drift().values());
    }

    /** The desired state this instance holds for the app. */
    public Optional<ManifestsRendered> desired(String app) {
        return Optional.ofNullable(apps.get(app)).flatMap(AppDrift::desired);
    }

    /** The apps whose desired state this instance holds: the ones it compares. */
    public List<String> desiredApps() {
        return apps.values().stream()
                .filter(AppDrift::hasDesired)
                .map(AppDrift::app)
                .sorted()
                .toList();
    }

    private void evaluate(AppDrift state, Cause cause) {
        Instant now = clock.instant();
        boolean orphansOnly = state.knownByOrphansOnly();
        if (orphansOnly && !ownsOrphansOf.test(state.app())) {
            return;
        }
        if (!orphansOnly && !state.compared()) {
            state.notCompared();
            return;
        }
        if (!orphansOnly && !state.desiredKindsListed(live)) {
            // what is not listed yet cannot be told from drift gone: an open episode would end and begin again.
            // The app is evaluated once its kinds are listed (kindSynced)
            return;
        }
        AppDrift.Evaluated evaluated = state.evaluated(evaluator.evaluate(state, live, now), now);
        publishEpisode(state, evaluated, cause);
        for (Fight fight : evaluated.fights()) {
            outputs.publish(SelfHealFight.of(
                    state.correlationId(),
                    state.app(),
                    state.episodeId(),
                    fight.object(),
                    fight.path(),
                    fight.opponent(),
                    fight.reverts(),
                    fight.window()));
        }
        if (!orphansOnly && state.mode() == DriftMode.HEAL && !evaluated.paused() && state.drifts()) {
            heal(state, now);
        }
    }

    private void publishEpisode(AppDrift state, AppDrift.Evaluated evaluated, Cause cause) {
        EpisodeTracker.Change episode = evaluated.episode();
        if (episode instanceof EpisodeTracker.Began || episode instanceof EpisodeTracker.Grew) {
            outputs.publish(DriftDetected.of(
                    state.correlationId(),
                    state.app(),
                    state.episodeId(),
                    state.revision(),
                    state.mode(),
                    evaluated.paused() ? state.pause() : null,
                    List.copyOf(state.drift().values())));
        } else if (episode instanceof EpisodeTracker.Ended ended) {
            DriftResolution resolution = cause == Cause.DESIRED
                    ? DriftResolution.DESIRED_CHANGED
                    : ended.healRequested() ? DriftResolution.HEALED : DriftResolution.LIVE_RESTORED;
            outputs.publish(DriftRecovered.of(
                    state.correlationId(),
                    state.app(),
                    ended.episodeId(),
                    ended.detectedAt(),
                    resolution,
                    ended.objects()));
        }
    }

    private void heal(AppDrift state, Instant now) {
        ProjectLimits limits = new ProjectLimits(state.spec(), live::namespaced);
        if (limits.sourceRefusal().isPresent()) {
            return;
        }
        List<DriftedObject> healing = state.requestHeal(
                now, drifted -> limits.objectRefusal(drifted.object()).isEmpty());
        if (!healing.isEmpty()) {
            outputs.publish(SyncRequested.of(
                    PlumblineService.DRIFT_AUDITOR,
                    state.correlationId(),
                    state.app(),
                    SyncTrigger.SELF_HEAL,
                    HealReason.of(healing),
                    AuditRecord.PLUMBLINE_ACTOR,
                    null,
                    healing.stream().map(DriftedObject::object).toList()));
        }
    }

    private void forgetIfIdle(AppDrift state) {
        if (state.idle()) {
            apps.remove(state.app());
        }
    }
}
