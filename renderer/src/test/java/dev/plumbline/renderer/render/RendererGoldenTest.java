package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.HelmParameter;
import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.renderer.testing.Golden;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import dev.plumbline.renderer.testing.Tools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each renderer on realistic inputs, against golden files of what it publishes. */
class RendererGoldenTest {

    @TempDir
    static Path scratch;

    static RenderHarness harness;
    static byte[] repository;

    @BeforeAll
    static void start() {
        harness = new RenderHarness(scratch);
        repository = Tarballs.ofResource("testdata/repo").bytes();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain-nested-folders-and-a-list", false, RenderHarness.app("shop", "apps/shop")),
                Arguments.of(
                        "kustomize-staging-overlay",
                        true,
                        RenderHarness.app("api-staging", "kustomize/overlays/staging")),
                Arguments.of("kustomize-prod-overlay", true, RenderHarness.app("api-prod", "kustomize/overlays/prod")),
                Arguments.of(
                        "kustomize-options-from-the-application",
                        true,
                        RenderHarness.kustomizeApp(
                                "api-canary",
                                "kustomize/overlays/staging",
                                new KustomizeOptions(
                                        "canary-",
                                        "-v2",
                                        List.of("api=registry.example.com/api:1.6.0"),
                                        Map.of("track", "canary"),
                                        Map.of("owner", "api-team@example.com")))),
                Arguments.of(
                        "helm-values-files-inline-values-and-parameters",
                        false,
                        RenderHarness.helmApp(
                                "web",
                                "helm/web",
                                new HelmOptions(
                                        "shop-web",
                                        List.of("values-prod.yaml", "../../environments/prod/web-values.yaml"),
                                        "image:\n  tag: 3.1.1\n",
                                        List.of(new HelmParameter("service.port", "8080"))))),
                Arguments.of(
                        "helm-local-dependency-outside-the-chart",
                        false,
                        RenderHarness.helmApp("worker", "helm/worker", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersAsTheGoldenFileSays(String goldenCase, boolean needsKustomize, ApplicationSpec spec) {
        if (needsKustomize) {
            Tools.assumeKustomize();
        }
        harness.know(spec);

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository));

        assertThat(harness.publisher.published())
                .filteredOn(event -> event.app().equals(spec.app()))
                .as("outcomes of %s", spec.app())
                .isNotEmpty();
        Golden.assertMatches(goldenCase, harness.publisher.rendered(spec.app()));
    }
}
