package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart sees the destination cluster through {@code .Capabilities}: its version (a chart declaring
 * {@code kubeVersion} renders only against one it accepts) and the API versions it serves; an Application may name
 * both itself.
 */
class HelmCapabilitiesTest {

    private static final String MODERN_CHART = "charts/modern";
    private static final String MONITORED_CHART = "charts/monitored";
    private static final ClusterCapabilities CLUSTER_1_32 =
            new ClusterCapabilities("v1.32.0", List.of("v1", "apps/v1", "apps/v1/Deployment"));
    private static final ClusterCapabilities CLUSTER_WITH_PROMETHEUS = new ClusterCapabilities(
            "v1.32.0", List.of("v1", "apps/v1", "monitoring.coreos.com/v1", "monitoring.coreos.com/v1/ServiceMonitor"));

    @TempDir
    Path scratch;

    @Test
    void aChartRequiringAKubeVersionRendersAgainstAClusterOfThatVersion() {
        ManifestsRendered rendered = render(app("modern", MODERN_CHART, null).withClusterCapabilities(CLUSTER_1_32))
                .rendered("modern");

        assertThat(data(rendered, "modern-version")).isEqualTo("v1.32.0");
    }

    /**
     * The versions API servers report carry suffixes: the reason charts write {@code -0} in their constraint. Helm
     * reads {@code --kube-version} as a semantic version and shows it without the suffix.
     */
    @Test
    void aChartRequiringAKubeVersionRendersAgainstTheVersionsApiServersReport() {
        Map<String, String> seen = Map.of(
                "v1.32.0-plumbline-sandbox",
                "v1.32.0",
                "v1.28.5-gke.1217000",
                "v1.28.5",
                "v1.29.3-eks-adc7111",
                "v1.29.3");
        seen.forEach((reported, shown) -> {
            ManifestsRendered rendered = render(app("modern", MODERN_CHART, null)
                            .withClusterCapabilities(new ClusterCapabilities(reported, List.of("v1"))))
                    .rendered("modern");

            assertThat(data(rendered, "modern-version")).isEqualTo(shown);
        });
    }

    @Test
    void aChartRequiringAKubeVersionFailsClearlyWhenTheClusterIsNotKnown() {
        RenderFailed failed = render(app("modern", MODERN_CHART, null)).failed("modern");

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.TEMPLATE_ERROR);
        assertThat(failed.message())
                .contains(
                        ">=1.23.0-0",
                        "incompatible with Kubernetes",
                        "the destination cluster's version is not known yet",
                        "spec.source.helm.kubeVersion");
    }

    @Test
    void aChartRequiringAKubeVersionFailsClearlyAgainstAnOlderCluster() {
        RenderFailed failed = render(app("modern", MODERN_CHART, null)
                        .withClusterCapabilities(new ClusterCapabilities("v1.22.4", List.of("v1"))))
                .failed("modern");

        assertThat(failed.message()).contains(">=1.23.0-0", "v1.22.4");
    }

    @Test
    void theObjectForAnApiVersionRendersOnlyWhenTheClusterServesIt() {
        RecordingHarnessResult without =
                render(app("monitored", MONITORED_CHART, null).withClusterCapabilities(CLUSTER_1_32));
        RecordingHarnessResult with =
                render(app("monitored", MONITORED_CHART, null).withClusterCapabilities(CLUSTER_WITH_PROMETHEUS));

        assertThat(kinds(without.rendered("monitored"))).containsExactly("ConfigMap");
        assertThat(kinds(with.rendered("monitored"))).containsExactlyInAnyOrder("ConfigMap", "ServiceMonitor");
    }

    @Test
    void helmsOwnApiVersionsStayServedNextToTheClusters() {
        ManifestsRendered rendered = render(
                        app("monitored", MONITORED_CHART, null).withClusterCapabilities(CLUSTER_WITH_PROMETHEUS))
                .rendered("monitored");

        assertThat(data(rendered, "monitored-apis")).isEqualTo("policy/v1=true");
    }

    @Test
    void theApplicationsKubeVersionAndApiVersionsWinOverTheClusters() {
        HelmOptions override =
                new HelmOptions(null, List.of(), null, List.of(), "v1.30.2", List.of("monitoring.coreos.com/v1"));
        ManifestsRendered modern = render(app("modern", MODERN_CHART, override)
                        .withClusterCapabilities(new ClusterCapabilities("v1.22.4", List.of("v1"))))
                .rendered("modern");
        ManifestsRendered monitored = render(
                        app("monitored", MONITORED_CHART, override).withClusterCapabilities(CLUSTER_1_32))
                .rendered("monitored");

        assertThat(data(modern, "modern-version")).isEqualTo("v1.30.2");
        assertThat(kinds(monitored)).containsExactlyInAnyOrder("ConfigMap", "ServiceMonitor");
    }

    @Test
    void changedCapabilitiesRenderAgainAndUnchangedOnesDoNot() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            ApplicationSpec app = app("monitored", MONITORED_CHART, null).withClusterCapabilities(CLUSTER_1_32);
            harness.know(app);
            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));
            assertThat(kinds(harness.publisher.rendered("monitored"))).containsExactly("ConfigMap");
            harness.publisher.clear();

            ApplicationSpec same = app("monitored", MONITORED_CHART, null).withClusterCapabilities(CLUSTER_1_32);
            harness.know(same);
            assertThat(harness.coordinator.onApplications(List.of(same))).isEmpty();

            ApplicationSpec crdInstalled =
                    app("monitored", MONITORED_CHART, null).withClusterCapabilities(CLUSTER_WITH_PROMETHEUS);
            harness.know(crdInstalled);
            harness.coordinator.onApplications(List.of(crdInstalled));
            assertThat(kinds(harness.publisher.rendered("monitored")))
                    .containsExactlyInAnyOrder("ConfigMap", "ServiceMonitor");
        }
    }

    /** What one harness published after rendering one Application from the test repository. */
    private record RecordingHarnessResult(ManifestsRendered renderedOrNull, RenderFailed failedOrNull) {

        ManifestsRendered rendered(String app) {
            assertThat(failedOrNull).as("render failure of " + app).isNull();
            return renderedOrNull;
        }

        RenderFailed failed(String app) {
            assertThat(failedOrNull).as("render failure of " + app).isNotNull();
            return failedOrNull;
        }
    }

    private RecordingHarnessResult render(ApplicationSpec app) {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(app);
            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));
            boolean failed = harness.publisher.published().stream().anyMatch(RenderFailed.class::isInstance);
            return failed
                    ? new RecordingHarnessResult(null, harness.publisher.failed(app.app()))
                    : new RecordingHarnessResult(harness.publisher.rendered(app.app()), null);
        }
    }

    private static ApplicationSpec app(String name, String path, HelmOptions helm) {
        return RenderHarness.helmApp(name, path, helm);
    }

    private static List<String> kinds(ManifestsRendered rendered) {
        return rendered.objects().stream()
                .map(object -> object.identity().kind())
                .toList();
    }

    private static String data(ManifestsRendered rendered, String configMap) {
        RenderedObject object = rendered.objects().stream()
                .filter(candidate -> candidate.identity().name().equals(configMap))
                .findFirst()
                .orElseThrow();
        return object.body().path("data").path("value").asText();
    }

    private static byte[] repository() {
        return Tarballs.ofResource("testdata/repo")
                .file(MODERN_CHART + "/Chart.yaml", """
                        apiVersion: v2
                        name: modern
                        version: 1.0.0
                        kubeVersion: ">=1.23.0-0"
                        """)
                .file(MODERN_CHART + "/templates/version.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: modern-version
                        data:
                          value: {{ .Capabilities.KubeVersion.Version | quote }}
                        """)
                .file(MONITORED_CHART + "/Chart.yaml", """
                        apiVersion: v2
                        name: monitored
                        version: 1.0.0
                        """)
                .file(MONITORED_CHART + "/templates/_helpers.tpl", """
                        {{- define "monitored.policy" -}}
                        policy/v1={{ $.Capabilities.APIVersions.Has "policy/v1" }}
                        {{- end -}}
                        """)
                .file(MONITORED_CHART + "/templates/apis.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: monitored-apis
                        data:
                          value: {{ include "monitored.policy" . | quote }}
                        """)
                .file(MONITORED_CHART + "/templates/servicemonitor.yaml", """
                        {{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
                        apiVersion: monitoring.coreos.com/v1
                        kind: ServiceMonitor
                        metadata:
                          name: monitored
                        spec:
                          endpoints:
                            - port: http
                        {{- end }}
                        """)
                .bytes();
    }
}
