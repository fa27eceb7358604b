package dev.plumbline.events;

import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A render that failed, with a reason a person can act on. It shares the compacted
 * {@code plumbline.rendered-manifests} with {@link ManifestsRendered} under the app's key, so compaction would let
 * it replace the last good render: it therefore carries that render along, and the latest record per app always
 * holds the desired state still in force. Signed by the renderer ({@link #signedFields()}), because readers act on
 * it: they keep its last good render as desired state and report the failure.
 *
 * @param repoUrl      the repository
 * @param revision     the commit SHA that failed to render
 * @param path         the folder
 * @param renderer     the renderer that failed; null when none could be chosen
 * @param reason       the failure in a word, for metrics and triggers
 * @param message      what went wrong and what to do, for example "base ../base not found in overlays/prod"
 * @param file         the repository file at fault; null when no single file is
 * @param line         the line in that file; null when unknown
 * @param lastRendered the last successful render of this app, still the desired state; null when it never rendered.
 *                     It keeps its own signature, so it is verified as any render is
 * @param signature    the renderer's Ed25519 signature over {@link #signedFields()}, base64; null when unsigned
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
        ManifestsRendered lastRendered,
        String signature)
        implements PlumblineEvent {

    /** What a renderer's signature on a failure says, so it cannot be taken for its signature on anything else. */
    public static final String SIGNATURE_PURPOSE = "plumbline.render-failed.v1";

    public RenderFailed {
        Envelope.check(EventType.RENDER_FAILED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** An unsigned failure; the renderer signs it with {@link #signedWith}. */
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
                lastRendered,
                null);
    }

    /**
     * The bytes the renderer signs and readers verify. The last good render is bound by its own signature, which
     * covers what it is; {@link #verify} checks that signature too.
     */
    public SignedFields signedFields() {
        return SignedFields.of(SIGNATURE_PURPOSE)
                .with("app", app)
                .with("repoUrl", repoUrl)
                .with("revision", revision)
                .with("path", path)
                .with("renderer", renderer == null ? null : renderer.label())
                .with("reason", reason.label())
                .with("message", message)
                .with("file", file)
                .with("line", line)
                .with("lastRendered", lastRendered == null ? null : lastRendered.signature());
    }

    /** This failure, signed by {@code key}. */
    public RenderFailed signedWith(SigningKey key) {
        return new RenderFailed(
                eventId,
                schemaVersion,
                time,
                source,
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
                lastRendered,
                key.sign(signedFields()));
    }

    /** Whether a reader may act on this failure: the renderer signed it, and the last good render it carries. */
    public SignatureCheck verify(TrustedKeys rendererKeys) {
        SignatureCheck own = rendererKeys.check(signedFields(), signature);
        if (!own.trusted() || lastRendered == null) {
            return own;
        }
        SignatureCheck carried = lastRendered.verify(rendererKeys);
        return carried.trusted()
                ? carried
                : new SignatureCheck("the last good render it carries (revision " + lastRendered.revision()
                        + ") cannot be trusted: " + carried.problem());
    }

    @Override
    public EventType type() {
        return EventType.RENDER_FAILED;
    }
}
