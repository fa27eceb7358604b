package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectSetAssemblerTest {

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: clusterissuers.cert-manager.io}
            spec:
              group: cert-manager.io
              scope: Cluster
              names: {kind: ClusterIssuer, plural: clusterissuers}
            ---
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata: {name: letsencrypt, namespace: ignored}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}}
            """;

    @Test
    void fillsTheDestinationNamespaceOnlyIntoNamespacedKindsThatNameNone() {
        RenderedSet set = assemble(CRD);

        assertThat(set.objects())
                .extracting(object -> object.identity().toString())
                .containsExactly(
                        "Namespace v1 shop",
                        "CustomResourceDefinition apiextensions.k8s.io/v1 clusterissuers.cert-manager.io",
                        "Deployment apps/v1 shop/web",
                        "Certificate cert-manager.io/v1 dest/web",
                        "ClusterIssuer cert-manager.io/v1 letsencrypt");
        assertThat(set.objects().get(4).body().get("metadata").has("namespace")).isFalse();
        assertThat(set.objects().get(3).body().get("metadata").get("namespace").asText())
                .isEqualTo("dest");
    }

    @Test
    void setsTheTrackingLabelAndAnnotationKeepingTheObjectsOwn() {
        RenderedObject deployment = assemble(CRD).objects().get(2);

        assertThat(deployment.body().get("metadata").get("labels").toString())
                .isEqualTo("{\"app\":\"web\",\"app.kubernetes.io/managed-by\":\"plumbline\"}");
        assertThat(deployment
                        .body()
                        .get("metadata")
                        .get("annotations")
                        .get("plumbline.dev/app")
                        .asText())
                .isEqualTo("shop-app");
    }

    @Test
    void everyObjectCarriesATrackingIdNamingTheAppAndItself() {
        RenderedSet set = assemble(CRD);

        assertThat(set.objects())
                .extracting(object -> object.body()
                        .path("metadata")
                        .path("annotations")
                        .path("plumbline.dev/tracking-id")
                        .asText())
                .containsExactly(
                        "shop-app:/Namespace:/shop",
                        "shop-app:apiextensions.k8s.io/CustomResourceDefinition:/clusterissuers.cert-manager.io",
                        "shop-app:apps/Deployment:shop/web",
                        "shop-app:cert-manager.io/Certificate:dest/web",
                        "shop-app:cert-manager.io/ClusterIssuer:/letsencrypt");
    }

    @Test
    void theOrderAndTheDigestDoNotDependOnTheOrderObjectsCameIn() {
        List<SourceObject> objects = new ArrayList<>(ManifestParser.parse(CRD, "a.yaml", "a.yaml", null));
        RenderedSet first = ObjectSetAssembler.assemble("shop-app", "dest", RendererKind.PLAIN, objects);
        Collections.reverse(objects);
        RenderedSet reversed = ObjectSetAssembler.assemble("shop-app", "dest", RendererKind.PLAIN, objects);

        assertThat(reversed.objects()).isEqualTo(first.objects());
        assertThat(reversed.digest()).isEqualTo(first.digest()).startsWith("sha256:");
    }

    @Test
    void webhookConfigurationsComeAfterTheKindsHelmInstallsAndBeforeCustomResources() {
        RenderedSet set = assemble("""
                apiVersion: acme.example.com/v1
                kind: Widget
                metadata: {name: w, namespace: shop}
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: check}
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: mutate}
                ---
                apiVersion: apiregistration.k8s.io/v1
                kind: APIService
                metadata: {name: v1.acme.example.com}
                """);

        assertThat(set.objects())
                .extracting(object -> object.identity().kind())
                .containsExactly(
                        "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "Widget");
    }

    @Test
    void theDigestChangesWithAnyField() {
        RenderedSet before = assemble(CRD);
        RenderedSet after = assemble(CRD.replace("labels: {app: web}", "labels: {app: web2}"));

        assertThat(after.digest()).isNotEqualTo(before.digest());
    }

    @Test
    void twoVersionsOfOneObjectAreADuplicate() {
        String text = "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n---\n"
                + "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n";

        assertThatThrownBy(() -> assemble(text)).isInstanceOfSatisfying(RenderFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(RenderFailureReason.DUPLICATE_OBJECT);
            assertThat(failure.getMessage()).contains("a.yaml line 1", "a.yaml line 5");
        });
    }

    @Test
    void anObjectWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> assemble("apiVersion: v1\nkind: ConfigMap\ndata: {}\n"))
                .isInstanceOfSatisfying(
                        RenderFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(RenderFailureReason.MISSING_NAME));
    }

    private static RenderedSet assemble(String text) {
        return ObjectSetAssembler.assemble(
                "shop-app", "dest", RendererKind.PLAIN, ManifestParser.parse(text, "a.yaml", "a.yaml", null));
    }
}
