package dev.plumbline.events;

import dev.plumbline.events.manifest.ObjectSetDigest;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.vocabulary.RendererKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The objects an Application wants at a revision: its desired state. Keyed by app on the compacted
 * {@code plumbline.rendered-manifests}, so the latest record per app survives restarts. Can be many megabytes.
 * Signed by the renderer ({@link #signedFields()}); readers take it as desired state only when
 * {@link #verify(TrustedKeys)} says so.
 *
 * @param repoUrl    the repository rendered
 * @param revision   the commit SHA rendered
 * @param path       the folder rendered
 * @param renderer   plain, kustomize or helm
 * @param digest     {@code sha256:<hex>} of the whole object set ({@link ObjectSetDigest}), so consumers skip a set
 *                   they already hold
 * @param objects    every object, in a deterministic order, with the destination namespace filled in and the
 *                   tracking label and annotation set
 * @param generation the {@code metadata.generation} of the Application spec rendered; null in schema version 1
 * @param signature  the renderer's Ed25519 signature over {@link #signedFields()}, base64; null when unsigned
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
        List<RenderedObject> objects,
        Long generation,
        String signature)
        implements PlumblineEvent {

    /** What a renderer's signature on a render says, so it cannot be taken for its signature on anything else. */
    public static final String SIGNATURE_PURPOSE = "plumbline.manifests-rendered.v1";

    public ManifestsRendered {
        Envelope.check(EventType.MANIFESTS_RENDERED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(digest, "digest");
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /**
     * An unsigned render, its digest computed from its objects; the renderer signs it with {@link #signedWith}.
     *
     * @param correlationId the id of the commit event or spec change that caused this render
     * @param generation    the generation of the Application spec rendered
     */
    public static ManifestsRendered of(
            String correlationId,
            String app,
            long generation,
            String repoUrl,
            String revision,
            String path,
            RendererKind renderer,
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
                ObjectSetDigest.of(objects),
                objects,
                generation,
                null);
    }

    /**
     * The bytes the renderer signs and readers verify: what makes a render desired state. The objects are covered
     * through the digest, which {@link #verify} recomputes from them.
     */
    public SignedFields signedFields() {
        return SignedFields.of(SIGNATURE_PURPOSE)
                .with("app", app)
                .with("repoUrl", repoUrl)
                .with("revision", revision)
                .with("path", path)
                .with("renderer", renderer == null ? null : renderer.label())
                .with("generation", generation)
                .with("digest", digest);
    }

    /** This render, signed by {@code key}. */
    public ManifestsRendered signedWith(SigningKey key) {
        return new ManifestsRendered(
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
                digest,
                objects,
                generation,
                key.sign(signedFields()));
    }

    /**
     * Whether this render may be taken as desired state: its digest matches the objects it carries and one of the
     * renderer's trusted keys signed it.
     */
    public SignatureCheck verify(TrustedKeys rendererKeys) {
        if (!digestMatchesObjects()) {
            return new SignatureCheck("its objects do not match its digest (they hash to " + ObjectSetDigest.of(objects)
                    + ", it claims " + digest + "): they were changed after the renderer wrote them");
        }
        return rendererKeys.check(signedFields(), signature);
    }

    /** Whether {@link #digest()} is the digest of the objects this render carries. */
    public boolean digestMatchesObjects() {
        return ObjectSetDigest.of(objects).equals(digest);
    }

    @Override
    public EventType type() {
        return EventType.MANIFESTS_RENDERED;
    }
}
