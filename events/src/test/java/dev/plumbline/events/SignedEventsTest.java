package dev.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.testing.TestSigningKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The renderer's and the git-watcher's signatures, as writers make them and readers check them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignedEventsTest {

    private final TrustedKeys renderer = TestSigningKeys.trustedKeys("renderer");
    private final TrustedKeys gitWatcher = TestSigningKeys.trustedKeys("git-watcher");

    @Test
    void aRenderSignedByTheRendererVerifiesAfterATripThroughJson() {
        ManifestsRendered render =
                (ManifestsRendered) EventJson.read(EventJson.write(EventSamples.manifestsRendered()));

        assertThat(render.verify(renderer).trusted()).isTrue();
        assertThat(render.schemaVersion()).isEqualTo(3);
        assertThat(render.generation()).isEqualTo(7);
    }

    @Test
    void anUnsignedRenderIsNotTrusted() {
        ManifestsRendered signed = EventSamples.manifestsRendered();
        ManifestsRendered unsigned = ManifestsRendered.of(
                signed.correlationId(),
                signed.app(),
                signed.generation(),
                signed.sourceDigest(),
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.objects());

        assertThat(unsigned.verify(renderer).problem()).contains("it is not signed");
    }

    @Test
    void objectsSwappedUnderAKeptDigestAndSignatureAreNotTrusted() {
        ManifestsRendered signed = EventSamples.manifestsRendered();
        ObjectNode body = signed.objects().get(0).body().deepCopy();
        ((ObjectNode) body.get("spec")).put("replicas", 0);
        ManifestsRendered forged = withObjects(
                signed,
                List.of(new RenderedObject(
                        signed.objects().get(0).identity(),
                        body,
                        signed.objects().get(0).sourcePath())));

        SignatureCheck check = forged.verify(renderer);

        assertThat(check.trusted()).isFalse();
        assertThat(check.problem()).contains("do not match its digest");
    }

    @Test
    void aRenderReplayedForAnotherAppOrGenerationIsNotTrusted() {
        ManifestsRendered signed = EventSamples.manifestsRendered();
        ManifestsRendered otherApp = new ManifestsRendered(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                "payments",
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.digest(),
                signed.objects(),
                signed.generation(),
                signed.sourceDigest(),
                signed.signature());
        ManifestsRendered otherGeneration = new ManifestsRendered(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.app(),
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.digest(),
                signed.objects(),
                8L,
                signed.sourceDigest(),
                signed.signature());

        assertThat(otherApp.verify(renderer).problem()).contains("not made by the renderer's key");
        assertThat(otherGeneration.verify(renderer).trusted()).isFalse();
    }

    @Test
    void aRenderSignedByAnotherServiceIsNotTrustedButEitherOfTwoRotatedRendererKeysIs() {
        ManifestsRendered byGitWatcher =
                EventSamples.manifestsRendered().signedWith(TestSigningKeys.signingKey("git-watcher"));
        ManifestsRendered byNextKey =
                EventSamples.manifestsRendered().signedWith(TestSigningKeys.signingKey("renderer-next"));
        TrustedKeys rotating = TrustedKeys.read(
                "renderer",
                List.of(TestSigningKeys.publicKeyFile("renderer"), TestSigningKeys.publicKeyFile("renderer-next")));

        assertThat(byGitWatcher.verify(renderer).trusted()).isFalse();
        assertThat(byNextKey.verify(renderer).trusted()).isFalse();
        assertThat(byNextKey.verify(rotating).trusted()).isTrue();
        assertThat(EventSamples.manifestsRendered().verify(rotating).trusted()).isTrue();
    }

    @Test
    void aRenderFailureIsTrustedOnlyWithItsOwnAndItsLastGoodRendersSignature() {
        RenderFailed signed = (RenderFailed) EventJson.read(EventJson.write(EventSamples.renderFailed()));
        RenderFailed otherMessage = new RenderFailed(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.app(),
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.reason(),
                "all is well",
                signed.file(),
                signed.line(),
                signed.lastRendered(),
                signed.signature());
        ManifestsRendered last = signed.lastRendered();
        RenderFailed forgedLast = new RenderFailed(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.app(),
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.reason(),
                signed.message(),
                signed.file(),
                signed.line(),
                withObjects(last, List.of()),
                signed.signature());

        assertThat(signed.verify(renderer).trusted()).isTrue();
        assertThat(otherMessage.verify(renderer).trusted()).isFalse();
        assertThat(forgedLast.verify(renderer).problem())
                .contains("the last good render it carries (revision " + last.revision() + ")");
    }

    @Test
    void aCommitEventSignedByTheGitWatcherVerifiesAndAChangedArtifactDoesNot() {
        CommitDetected signed = (CommitDetected) EventJson.read(EventJson.write(EventSamples.commitDetected()));
        CommitDetected otherArtifact = new CommitDetected(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.repoUrl(),
                signed.ref(),
                signed.before(),
                signed.after(),
                signed.update(),
                signed.commits(),
                signed.changedPaths(),
                signed.fetchCause(),
                new Artifact(
                        "http://attacker.example/evil.tar.gz", signed.artifact().sha256()),
                signed.refusals(),
                signed.signature());
        CommitDetected refusalRemoved = new CommitDetected(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.repoUrl(),
                signed.ref(),
                signed.before(),
                signed.after(),
                signed.update(),
                signed.commits(),
                signed.changedPaths(),
                signed.fetchCause(),
                signed.artifact(),
                List.of(),
                signed.signature());

        assertThat(signed.verify(gitWatcher).trusted()).isTrue();
        assertThat(otherArtifact.verify(gitWatcher).trusted()).isFalse();
        assertThat(refusalRemoved.verify(gitWatcher).trusted()).isFalse();
        assertThat(signed.verify(renderer).trusted()).isFalse();
    }

    @Test
    void anIgnoredCommitSignedByTheGitWatcherVerifiesAndAChangedExplanationDoesNot() {
        TrustedKeys gitWatcher = TestSigningKeys.trustedKeys("git-watcher");
        CommitIgnored signed = EventJson.read(
                EventJson.write(EventSamples.commitIgnored().signedWith(TestSigningKeys.signingKey("git-watcher"))),
                CommitIgnored.class);
        CommitIgnored reworded = new CommitIgnored(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.repoUrl(),
                signed.ref(),
                signed.sha(),
                signed.changedPaths(),
                signed.fetchCause(),
                signed.watchers(),
                "your deployment is broken: run the script in the README",
                signed.signature());

        assertThat(signed.verify(gitWatcher).trusted()).isTrue();
        assertThat(reworded.verify(gitWatcher).trusted()).isFalse();
        assertThat(EventSamples.commitIgnored().verify(gitWatcher).problem()).contains("not signed");
    }

    @Test
    void aSchemaVersion1RenderStillReadsAndIsUntrusted() {
        ObjectNode json = EventJson.tree(EventSamples.manifestsRendered());
        json.put("schemaVersion", 1).remove(List.of("generation", "signature"));

        ManifestsRendered old =
                (ManifestsRendered) EventJson.read(json.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(old.generation()).isNull();
        assertThat(old.verify(renderer).problem()).contains("it is not signed");
    }

    private static ManifestsRendered withObjects(ManifestsRendered signed, List<RenderedObject> objects) {
        return new ManifestsRendered(
                signed.eventId(),
                signed.schemaVersion(),
                signed.time(),
                signed.source(),
                signed.correlationId(),
                signed.app(),
                signed.repoUrl(),
                signed.revision(),
                signed.path(),
                signed.renderer(),
                signed.digest(),
                objects,
                signed.generation(),
                signed.sourceDigest(),
                signed.signature());
    }
}
