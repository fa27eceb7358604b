package dev.plumbline.driftauditor.drift;

import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the drift-auditors told about apps, read back from {@code plumbline.drift-alerts} and
 * {@code plumbline.sync-requests} by the instance that takes the apps over: the episode still open, the fields a fight
 * holds, and when heals were asked for. The new owner carries on from there instead of starting afresh, so an open
 * episode is not alerted twice, a fight is not fought again and a heal waits for the backoff earlier heals earned.
 * Events are taken in the order of their partition. Not thread-safe.
 */
public final class DriftHistory {

    /** One field a fight holds: it is not healed until someone acts. */
    public record Contested(ObjectIdentity object, String path) {}

    /**
     * One app's story as told.
     *
     * @param episodeId     the episode open at the end; null when none is
     * @param detectedAt    when that episode began
     * @param revision      the revision its alerts were measured against
     * @param objects       everything that drifted in it, as its alerts named them
     * @param contested     the fields of its fights
     * @param healRequests  when heals were asked for, oldest first
     */
    public record AppHistory(
            String episodeId,
            Instant detectedAt,
            String revision,
            List<DriftedObject> objects,
            List<Contested> contested,
            List<Instant> healRequests) {

        /** Whether a heal was asked for during the open episode. */
        public boolean healRequestedInEpisode() {
            return detectedAt != null && healRequests.stream().anyMatch(at -> !at.isBefore(detectedAt));
        }
    }

    private final Map<String, Building> apps = new HashMap<>();

    /** Takes one event of the drift-alerts or sync-requests topic; others are not part of the story. */
    public void accept(PlumblineEvent event) {
        if (event instanceof DriftDetected alert) {
            Building app = app(alert.app());
            if (!alert.episodeId().equals(app.episodeId)) {
                app.episodeId = alert.episodeId();
                app.detectedAt = alert.time();
                app.objects.clear();
                app.contested.clear();
            }
            app.revision = alert.revision();
            alert.objects().forEach(object -> app.objects.put(ObjectKey.of(object.object()), object));
        } else if (event instanceof DriftRecovered recovered) {
            Building app = app(recovered.app());
            if (recovered.episodeId().equals(app.episodeId)) {
                app.episodeId = null;
                app.detectedAt = null;
                app.revision = null;
                app.objects.clear();
                app.contested.clear();
            }
        } else if (event instanceof SelfHealFight fight) {
            Building app = app(fight.app());
            if (fight.episodeId() != null && fight.episodeId().equals(app.episodeId)) {
                app.contested.add(new Contested(fight.object(), fight.path()));
            }
        } else if (event instanceof SyncRequested request
                && request.trigger() == SyncTrigger.SELF_HEAL
                && PlumblineService.DRIFT_AUDITOR.source().equals(request.source())) {
            app(request.app()).healRequests.add(request.time());
        }
    }

    /** The story of an app; empty when nothing was told about it. */
    public Optional<AppHistory> of(String app) {
        return Optional.ofNullable(apps.get(app)).map(Building::history);
    }

    public List<String> apps() {
        return List.copyOf(apps.keySet());
    }

    private Building app(String name) {
        return apps.computeIfAbsent(name, n -> new Building());
    }

    private static final class Building {
        private String episodeId;
        private Instant detectedAt;
        private String revision;
        private final Map<ObjectKey, DriftedObject> objects = new LinkedHashMap<>();
        private final List<Contested> contested = new ArrayList<>();
        private final List<Instant> healRequests = new ArrayList<>();

        AppHistory history() {
            return new AppHistory(
                    episodeId,
                    detectedAt,
                    revision,
                    List.copyOf(objects.values()),
                    List.copyOf(contested),
                    List.copyOf(healRequests));
        }
    }
}
