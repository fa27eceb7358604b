package dev.plumbline.events;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.DriftResolution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Live matches desired again: the end of a drift episode.
 *
 * @param episodeId  the episode that ended
 * @param detectedAt when the episode began, so messages can say how long it lasted
 * @param resolution healed by Plumbline, restored by someone else, or made moot by a change in Git
 * @param objects    the objects that had drifted
 */
public record DriftRecovered(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String episodeId,
        Instant detectedAt,
        DriftResolution resolution,
        List<ObjectIdentity> objects)
        implements PlumblineEvent {

    public DriftRecovered {
        Envelope.check(EventType.DRIFT_RECOVERED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(resolution, "resolution");
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    public static DriftRecovered of(
            String correlationId,
            String app,
            String episodeId,
            Instant detectedAt,
            DriftResolution resolution,
            List<ObjectIdentity> objects) {
        return new DriftRecovered(
                Envelope.newEventId(),
                EventType.DRIFT_RECOVERED.schemaVersion(),
                Envelope.now(),
                PlumblineService.DRIFT_AUDITOR.source(),
                correlationId,
                app,
                episodeId,
                detectedAt,
                resolution,
                objects);
    }

    @Override
    public EventType type() {
        return EventType.DRIFT_RECOVERED;
    }
}
