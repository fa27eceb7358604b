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
 * @param generation the {@code metadata.generation} of the Application spec rendered, for people; null in schema
 *                   version 1
 * @param sourceDigest {@link ApplicationSpec#sourceDigest()} of the spec rendered: what the render was made for.
 *                   Readers apply it only while it equals the current spec's ({@link #madeFor}); null before schema
 *                   version 3
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
        String sourceDigest,
        String signature)
        implements PlumblineEvent {

    /** The first schema version whose renders carry {@link #sourceDigest()}, and sign it. */
    public static final int SOURCE_DIGEST_SINCE = 3;

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
     * @param sourceDigest  {@link ApplicationSpec#sourceDigest()} of the spec rendered
     */
    public static ManifestsRendered of(
            String correlationId,
            String app,
            long generation,
            String sourceDigest,
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
                Objects.requireNonNull(sourceDigest, "sourceDigest"),
                null);
    }

    /**
     * The bytes the renderer signs and readers verify: what makes a render desired state. The objects are covered
     * through the digest, which {@link #verify} recomputes from them. The source digest is signed from schema
     * version 3 on, so that renders signed before it existed still verify, while one that carries it cannot have it
     * removed or changed (the version is not signed, but lowering it drops the field from these bytes).
     */
    public SignedFields signedFields() {
        SignedFields fields = SignedFields.of(SIGNATURE_PURPOSE)
                .with("app", app)
                .with("repoUrl", repoUrl)
                .with("revision", revision)
                .with("path", path)
                .with("renderer", renderer == null ? null : renderer.label())
                .with("generation", generation);
        if (schemaVersion >= SOURCE_DIGEST_SINCE) {
            fields.with("sourceDigest", sourceDigest);
        }
        return fields.with("digest", digest);
    }

    /**
     * Whether this render was made for the spec's current source, and so may be applied and taken as desired state:
     * its source digest is the spec's. A render written before renders carried one (schema version 2) says less: it
     * is taken while its repository and path are the spec's, until the renderer renders the app again (it does so
     * at its first start with schema version 3, for every app whose latest render has no source digest).
     */
    public boolean madeFor(ApplicationSpec spec) {
        if (schemaVersion < SOURCE_DIGEST_SINCE) {
            return Objects.equals(repoUrl, spec.sourceSpec().repoUrl())
                    && Objects.equals(path, spec.sourceSpec().path());
        }
        return spec.sourceDigest().equals(sourceDigest);
    }

    /** What this render was made from, for messages: {@code <repo> path "<path>" at <revision>}. */
    public String describeSource() {
        return repoUrl + " path \"" + path + "\" at " + revision;
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
                sourceDigest,
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
