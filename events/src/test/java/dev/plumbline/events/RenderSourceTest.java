package dev.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestSigningKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a render was made for, and whether it may be applied to the Application as it is now. */
class RenderSourceTest {

    private final TrustedKeys renderer = TestSigningKeys.trustedKeys("renderer");

    @Test
    void theSourceDigestFollowsEverythingThatDecidesTheRenderAndNothingElse() {
        ApplicationSpec spec = EventSamples.applicationSpec();
        SourceSpec source = spec.sourceSpec();
        String digest = spec.sourceDigest();

        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(EventSamples.applicationSpec().sourceDigest())
                .as("the same spec written again")
                .isEqualTo(digest);
        assertThat(withSource(spec, source.repoUrl() + ".other", source.targetRevision(), source.path()))
                .isNotEqualTo(digest);
        assertThat(withSource(spec, source.repoUrl(), "release-1", source.path()))
                .isNotEqualTo(digest);
        assertThat(withSource(spec, source.repoUrl(), source.targetRevision(), "apps/other"))
                .isNotEqualTo(digest);
        HelmOptions helm = source.helm();
        SourceSpec otherValues = new SourceSpec(
                source.repoUrl(),
                source.targetRevision(),
                source.path(),
                source.renderer(),
                new HelmOptions(helm.releaseName(), helm.valueFiles(), "replicas: 1\n", helm.parameters()),
                source.kustomize(),
                source.directory());
        assertThat(with(spec, otherValues, spec.destination())).isNotEqualTo(digest);
        assertThat(with(spec, source, Destination.of("shop-staging"))).isNotEqualTo(digest);
        assertThat(ApplicationSpec.of(
                                spec.app(),
                                spec.namespace(),
                                spec.generation() + 1,
                                source,
                                spec.destination(),
                                null,
                                null,
                                List.of(),
                                List.of(),
                                null,
                                null)
                        .sourceDigest())
                .as("generation, sync policy and notifications do not change what renders")
                .isEqualTo(digest);
    }

    @Test
    void kustomizeLabelsDigestAlikeWhateverOrderTheyWereWrittenIn() {
        ApplicationSpec spec = EventSamples.applicationSpec();
        SourceSpec source = spec.sourceSpec();
        String one = with(spec, withLabels(source, Map.of("a", "1", "b", "2", "c", "3")), spec.destination());
        String two = with(spec, withLabels(source, Map.of("c", "3", "a", "1", "b", "2")), spec.destination());

        assertThat(one).isEqualTo(two);
    }

    @Test
    void aRenderIsMadeForTheSpecItWasRenderedFromAndNotForAnotherPath() {
        ManifestsRendered render = EventSamples.manifestsRendered();
        ApplicationSpec spec = EventSamples.applicationSpec();
        SourceSpec source = spec.sourceSpec();

        assertThat(render.madeFor(spec)).isTrue();
        assertThat(render.madeFor(respec(spec, source.repoUrl(), source.targetRevision(), "apps/other")))
                .isFalse();
        assertThat(render.madeFor(respec(spec, "https://git.example.com/other/repo.git", "main", source.path())))
                .isFalse();
    }

    @Test
    void aSourceDigestSwappedUnderTheRenderersSignatureIsNotTrusted() {
        ManifestsRendered signed = EventSamples.manifestsRendered();
        ApplicationSpec elsewhere = respec(EventSamples.applicationSpec(), signed.repoUrl(), "main", "apps/other");
        ManifestsRendered swapped = withSourceDigest(signed, signed.schemaVersion(), elsewhere.sourceDigest());
        ManifestsRendered stripped = withSourceDigest(signed, 2, null);

        assertThat(swapped.verify(renderer).trusted()).isFalse();
        assertThat(stripped.verify(renderer).trusted())
                .as("lowering the version to drop the digest changes the signed bytes")
                .isFalse();
    }

    @Test
    void aRenderSignedBeforeRendersCarriedASourceDigestStillVerifiesAndIsTakenOnlyForItsRepositoryAndPath() {
        ManifestsRendered current = EventSamples.manifestsRendered();
        ManifestsRendered older = SignedEvents.byRenderer(withSourceDigest(current, 2, null));
        ApplicationSpec spec = EventSamples.applicationSpec();
        SourceSpec source = spec.sourceSpec();

        ManifestsRendered read = (ManifestsRendered) EventJson.read(EventJson.write(older));

        assertThat(read.verify(renderer).trusted()).isTrue();
        assertThat(read.sourceDigest()).isNull();
        assertThat(read.madeFor(spec)).isTrue();
        assertThat(read.madeFor(respec(spec, source.repoUrl(), source.targetRevision(), "apps/other")))
                .isFalse();
    }

    private static String withSource(ApplicationSpec spec, String repoUrl, String targetRevision, String path) {
        return respec(spec, repoUrl, targetRevision, path).sourceDigest();
    }

    private static ApplicationSpec respec(ApplicationSpec spec, String repoUrl, String targetRevision, String path) {
        SourceSpec source = spec.sourceSpec();
        return respec(
                spec,
                new SourceSpec(
                        repoUrl,
                        targetRevision,
                        path,
                        source.renderer(),
                        source.helm(),
                        source.kustomize(),
                        source.directory()),
                spec.destination());
    }

    private static String with(ApplicationSpec spec, SourceSpec source, Destination destination) {
        return respec(spec, source, destination).sourceDigest();
    }

    private static ApplicationSpec respec(ApplicationSpec spec, SourceSpec source, Destination destination) {
        return ApplicationSpec.of(
                spec.app(),
                spec.namespace(),
                spec.generation(),
                source,
                destination,
                spec.syncPolicy(),
                spec.driftMode(),
                spec.ignoreDifferences(),
                spec.notifications(),
                spec.selfHealPause(),
                spec.requestedSync());
    }

    private static SourceSpec withLabels(SourceSpec source, Map<String, String> labels) {
        KustomizeOptions kustomize = source.kustomize();
        return new SourceSpec(
                source.repoUrl(),
                source.targetRevision(),
                source.path(),
                source.renderer(),
                source.helm(),
                new KustomizeOptions(
                        kustomize.namePrefix(),
                        kustomize.nameSuffix(),
                        kustomize.images(),
                        labels,
                        kustomize.commonAnnotations()),
                source.directory());
    }

    private static ManifestsRendered withSourceDigest(ManifestsRendered render, int version, String sourceDigest) {
        return new ManifestsRendered(
                render.eventId(),
                version,
                render.time(),
                render.source(),
                render.correlationId(),
                render.app(),
                render.repoUrl(),
                render.revision(),
                render.path(),
                render.renderer(),
                render.digest(),
                render.objects(),
                render.generation(),
                sourceDigest,
                render.signature());
    }
}
