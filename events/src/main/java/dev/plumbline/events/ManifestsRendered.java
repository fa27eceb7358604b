package dev.plumbline.events;

import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.RendererKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The objects an Application wants at a revision: its desired state. Keyed by app on the compacted
 * {@code plumbline.rendered-manifests}, so the latest record per app survives restarts. Can be many megabytes.
 *
 * @param repoUrl  the repository rendered
 * @param revision the commit SHA rendered
 * @param path     the folder rendered
 * @param renderer plain, kustomize or helm
 * @param digest   {@code sha256:<hex>} of the whole object set, so consumers skip a set they already hold
 * @param objects  every object, in a deterministic order, with the destination namespace filled in and the
 *                 tracking label and annotation set
 */
public record ManifestsRendered(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String repoUrl,
        String revision,
        String path,
        RendererKind renderer,
        String digest,
        List<RenderedObject> objects)
        implements PlumblineEvent {

    public ManifestsRendered {
        Envelope.check(EventType.MANIFESTS_RENDERED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(digest, "digest");
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /** @param correlationId the id of the commit event or spec change that caused this render */
    public static ManifestsRendered of(
            String correlationId,
            String app,
            String repoUrl,
            String revision,
            String path,
            RendererKind renderer,
            String digest,
            List<RenderedObject> objects) {
        return new ManifestsRendered(
                Envelope.newEventId(),
                EventType.MANIFESTS_RENDERED.schemaVersion(),
                Envelope.now(),
                PlumblineService.RENDERER.source(),
                correlationId,
                app,
                repoUrl,
                revision,
                path,
                renderer,
                digest,
                objects);
    }

    @Override
    public EventType type() {
        return EventType.MANIFESTS_RENDERED;
    }
}
