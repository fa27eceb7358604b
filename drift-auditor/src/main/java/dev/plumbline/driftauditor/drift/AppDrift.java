package dev.plumbline.driftauditor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.driftauditor.heal.Fight;
import dev.plumbline.driftauditor.heal.FightDetector;
import dev.plumbline.driftauditor.heal.HealBackoff;
import dev.plumbline.driftauditor.watch.LiveView;
import dev.plumbline.engine.diff.DriftAnalyzer;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.DriftMode;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * What the drift rules keep about one app between evaluations. It changes only through the methods named for what
 * happened to the app, and those return what changed, for the caller to turn into events. Used on the drift loop's
 * thread only.
 */
final class AppDrift {

    private static final Logger LOG = Logger.getLogger(AppDrift.class);

    /** The objects the previous desired state named, and the ones the new one names. */
    record DesiredReplaced(Set<ObjectKey> released, Set<ObjectKey> claimed) {}

    /**
     * What an evaluation changed: the drift episode's step, the fights it revealed, and whether self-heal is paused
     * (which holds back healing, not reporting).
     */
    record Evaluated(EpisodeTracker.Change episode, List<Fight> fights, boolean paused) {}

    private final String app;
    private final Set<ObjectKey> seenLive = new HashSet<>();
    private final EpisodeTracker episode = new EpisodeTracker();
    private final HealBackoff backoff;
    private final FightDetector fights;
    private ApplicationSpec spec;
    private DriftAnalyzer analyzer = new DriftAnalyzer(new IgnoreRules(List.of()));
    private ManifestsRendered desired;
    private ManifestsRendered offered;
    private String offerRefusal;
    private Map<ObjectKey, RenderedObject> desiredByKey = Map.of();
    private Instant desiredSince;
    private Map<ObjectKey, DriftedObject> current = Map.of();
    private Instant recheckAt;
    private boolean pausedBefore;
    private DriftHistory.AppHistory inheritedFights;

    AppDrift(String app, DriftSettings settings) {
        this.app = app;
        this.backoff = new HealBackoff(
                settings.initialBackoff(), settings.backoffFactor(), settings.maxBackoff(), settings.backoffReset());
        this.fights = new FightDetector(settings.fightReverts(), settings.fightWindow());
    }

    /** A new spec of the Application, or null when it was deleted. */
    void specChanged(ApplicationSpec newSpec) {
        spec = newSpec;
        try {
            analyzer = new DriftAnalyzer(new IgnoreRules(newSpec == null ? List.of() : newSpec.ignoreDifferences()));
        } catch (IllegalArgumentException malformed) {
            // a malformed ignore rule must not stop drift detection: compare without rules, and say why
            LOG.warnf("app %s: ignoring its ignoreDifferences, %s", app, malformed.getMessage());
            analyzer = new DriftAnalyzer(new IgnoreRules(List.of()));
        }
    }

    /**
     * The latest trusted render, or null when it is gone. It becomes the desired state only once its project allows
     * it ({@link #desiredChanged}); until then the desired state in force stays.
     */
    void offered(ManifestsRendered rendered) {
        offered = rendered;
    }

    ManifestsRendered offered() {
        return offered;
    }

    /**
     * The render offered last is refused by the app's project, and so is not the desired state.
     *
     * @return whether this is news: the first refusal of that render, or a refusal for another reason
     */
    boolean offerRefused(String reason) {
        boolean news = !reason.equals(offerRefusal);
        offerRefusal = reason;
        return news;
    }

    /** Whether the render offered last waits for its project to allow it. */
    boolean offerWaiting() {
        return offerRefusal != null;
    }

    /**
     * A new desired state, or null when it is gone. What was seen live under the old one no longer counts, and a new
     * commit is a person acting: contested fields may be healed again.
     *
     * @return the objects released and claimed; empty when {@code rendered} is the desired state already held (the
     *         same objects at the same revision: a new commit counts even when it renders the same objects)
     */
    Optional<DesiredReplaced> desiredChanged(ManifestsRendered rendered, Instant now) {
        if (rendered != null
                && desired != null
                && rendered.digest().equals(desired.digest())
                && rendered.revision().equals(desired.revision())) {
            offerRefusal = null;
            return Optional.empty();
        }
        offerRefusal = null;
        Set<ObjectKey> released = desiredByKey.keySet();
        Map<ObjectKey, RenderedObject> byKey = new LinkedHashMap<>();
        if (rendered != null) {
            rendered.objects().forEach(object -> byKey.put(ObjectKey.of(object.identity()), object));
        }
        desired = rendered;
        desiredSince = now;
        desiredByKey = Collections.unmodifiableMap(byKey);
        seenLive.clear();
        fights.clear();
        takeInheritedFights();
        return Optional.of(new DesiredReplaced(released, desiredByKey.keySet()));
    }

    /**
     * The app's partition came to this instance: its episode, heal backoff and fights are what was told on the bus
     * (by whichever instance held it), not what this instance remembers from an earlier time it held it. The fights
     * hold once the render they were fought under is the desired state again.
     */
    void handedOver(DriftHistory.AppHistory history, Instant now) {
        episode.resume(history.episodeId(), history.detectedAt(), history.healRequestedInEpisode(), history.objects());
        backoff.replay(history.healRequests());
        fights.clear();
        pausedBefore = pausedAt(now);
        inheritedFights = history.contested().isEmpty() ? null : history;
        if (desired != null) {
            takeInheritedFights();
        }
    }

    private void takeInheritedFights() {
        if (inheritedFights != null && desired != null && desired.revision().equals(inheritedFights.revision())) {
            inheritedFights.contested().forEach(field -> fights.contest(ObjectKey.of(field.object()), field.path()));
        }
        inheritedFights = null;
    }

    /** A sync that was not a heal succeeded: the waits earned by earlier heals start over. */
    void syncSucceeded() {
        backoff.reset();
    }

    /** This instance does not compare the app (no desired state or spec, or drift detection off): it has no drift. */
    void notCompared() {
        current = Map.of();
        recheckAt = null;
    }

    /**
     * Takes an evaluation's drift as the app's. A pause or a resume since the last one is someone acting: contested
     * fields may be healed again. A pause with an end is looked at again when it ends.
     */
    Evaluated evaluated(DriftEvaluator.Result result, Instant now) {
        current = result.drift();
        recheckAt = result.recheckAt();
        seenLive.addAll(result.seenLive());
        boolean paused = pausedAt(now);
        if (paused != pausedBefore) {
            fights.clear();
            pausedBefore = paused;
        }
        if (paused && spec.selfHealPause().until() != null) {
            recheckAt = earliest(recheckAt, spec.selfHealPause().until());
        }
        EpisodeTracker.Change change = episode.update(current, now);
        return new Evaluated(change, fights.observe(current, now), paused);
    }

    /**
     * Asks to heal the drifted objects no fight holds back and the project permits, if the backoff allows it now; either way, looks again once
     * it allows, in case the heal does not take or was held back.
     *
     * @param permitted whether the app's project lets Plumbline manage the drifted object
     * @return the objects to heal now; empty when every one is contested or refused, or the backoff says wait
     */
    List<DriftedObject> requestHeal(Instant now, Predicate<DriftedObject> permitted) {
        List<DriftedObject> healable = current.entrySet().stream()
                .filter(entry -> !fights.contested(entry.getKey(), entry.getValue()))
                .map(Map.Entry::getValue)
                .filter(permitted)
                .toList();
        if (healable.isEmpty()) {
            return List.of();
        }
        Instant allowed = backoff.nextAllowedAt(now);
        if (allowed.isAfter(now)) {
            recheckAt = earliest(recheckAt, allowed);
            return List.of();
        }
        backoff.requested(now);
        episode.healRequested();
        fights.healRequested(healable, current);
        recheckAt = earliest(recheckAt, backoff.nextAllowedAt(now));
        return healable;
    }

    /** Whether a timer is due: a pause ended, or the time to look again came. */
    boolean dueAt(Instant now) {
        boolean pauseEnded = pausedBefore && !pausedAt(now);
        return pauseEnded || (recheckAt != null && !now.isBefore(recheckAt));
    }

    String app() {
        return app;
    }

    /** Whether this instance compares the app: it holds its desired state, or only orphans name it. */
    boolean hasDesired() {
        return desired != null;
    }

    Optional<ManifestsRendered> desired() {
        return Optional.ofNullable(desired);
    }

    /** Whether only orphans name the app: this instance holds neither its spec nor its desired state. */
    boolean knownByOrphansOnly() {
        return spec == null && !hasDesired();
    }

    /** Whether its objects are compared with desired: both are known and drift detection is not off. */
    boolean compared() {
        return hasDesired() && spec != null && mode() != DriftMode.OFF;
    }

    /** Whether nothing is left to remember: no spec, no desired state, no drift, no open episode. */
    boolean idle() {
        return knownByOrphansOnly() && current.isEmpty() && episode.episodeId() == null;
    }

    boolean desires(GroupKind kind) {
        return desiredByKey.keySet().stream()
                .anyMatch(key -> key.group().equals(kind.group()) && key.kind().equals(kind.kind()));
    }

    /** Whether the watches of every kind of the desired state have listed their objects. */
    boolean desiredKindsListed(LiveView live) {
        return desiredByKey.keySet().stream().allMatch(key -> live.synced(new GroupKind(key.group(), key.kind())));
    }

    Map<ObjectKey, RenderedObject> desiredObjects() {
        return desiredByKey;
    }

    /** When the current desired state came; null before any. */
    Instant desiredSince() {
        return desiredSince;
    }

    /** Whether the desired object was seen live under the current desired state: only then can it be deleted. */
    boolean wasSeenLive(ObjectKey key) {
        return seenLive.contains(key);
    }

    /** How the live object differs from desired, under the app's ignore rules; empty when it does not. */
    Optional<DriftedObject> driftOf(RenderedObject desiredObject, JsonNode liveObject) {
        return analyzer.drift(desiredObject, liveObject);
    }

    /** The drift as last evaluated. */
    Map<ObjectKey, DriftedObject> drift() {
        return Collections.unmodifiableMap(current);
    }

    boolean drifts() {
        return !current.isEmpty();
    }

    /** The Application's spec; null while it is not known or after it was deleted. */
    ApplicationSpec spec() {
        return spec;
    }

    DriftMode mode() {
        return spec == null ? DriftMode.WARN : spec.effectiveDriftMode();
    }

    boolean pausedAt(Instant now) {
        return spec != null && spec.selfHealPausedAt(now);
    }

    /** The pause in force; null when self-heal is not paused. */
    SelfHealPause pause() {
        return spec == null ? null : spec.selfHealPause();
    }

    /** The current drift episode; null when the app does not drift. */
    String episodeId() {
        return episode.episodeId();
    }

    /** The render's correlation id, so the drift events join its trail; the episode's when there is no render. */
    String correlationId() {
        return desired != null
                ? desired.correlationId()
                : Objects.requireNonNullElseGet(
                        episode.episodeId(), () -> UUID.randomUUID().toString());
    }

    /** The desired state's revision; null when there is none. */
    String revision() {
        return desired == null ? null : desired.revision();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
