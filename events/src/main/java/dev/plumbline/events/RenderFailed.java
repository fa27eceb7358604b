package dev.plumbline.events;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A render that failed, with a reason a person can act on. It shares the compacted
 * {@code plumbline.rendered-manifests} with {@link ManifestsRendered} under the app's key, so compaction would let
 * it replace the last good render: it therefore carries that render along, and the latest record per app always
 * holds the desired state still in force.
 *
 * @param repoUrl      the repository
 * @param revision     the commit SHA that failed to render
 * @param path         the folder
 * @param renderer     the renderer that failed; null when none could be chosen
 * @param reason       the failure in a word, for metrics and triggers
 * @param message      what went wrong and what to do, for example "base ../base not found in overlays/prod"
 * @param file         the repository file at fault; null when no single file is
 * @param line         the line in that file; null when unknown
 * @param lastRendered the last successful render of this app, still the desired state; null when it never rendered
 */
public record RenderFailed(
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
        RenderFailureReason reason,
        String message,
        String file,
        Integer line,
        ManifestsRendered lastRendered)
        implements PlumblineEvent {

    public RenderFailed {
        Envelope.check(EventType.RENDER_FAILED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static RenderFailed of(
            String correlationId,
            String app,
            String repoUrl,
            String revision,
            String path,
            RendererKind renderer,
            RenderFailureReason reason,
            String message,
            String file,
            Integer line,
            ManifestsRendered lastRendered) {
        return new RenderFailed(
                Envelope.newEventId(),
                EventType.RENDER_FAILED.schemaVersion(),
                Envelope.now(),
                PlumblineService.RENDERER.source(),
                correlationId,
                app,
                repoUrl,
                revision,
                path,
                renderer,
                reason,
                message,
                file,
                line,
                lastRendered);
    }

    @Override
    public EventType type() {
        return EventType.RENDER_FAILED;
    }
}
