package dev.plumbline.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ManifestParser;
import dev.plumbline.events.manifest.ObjectIdentity;
import org.junit.jupiter.api.Test;

class TrackingIdTest {

    @Test
    void aNamespacedObjectsIdNamesAppGroupKindNamespaceAndName() {
        TrackingId id = TrackingId.of("web", ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web"));

        assertThat(id.format()).isEqualTo("web:apps/Deployment:shop/web");
        assertThat(TrackingId.parse("web:apps/Deployment:shop/web")).contains(id);
    }

    @Test
    void aCoreClusterScopedObjectHasAnEmptyGroupAndNamespace() {
        TrackingId id = TrackingId.of("web", ObjectIdentity.clusterScoped("v1", "Namespace", "shop"));

        assertThat(id.format()).isEqualTo("web:/Namespace:/shop");
        assertThat(TrackingId.parse("web:/Namespace:/shop")).contains(id);
    }

    @Test
    void aNameWithColonsAndSlashesParsesBackWhole() {
        TrackingId id = TrackingId.of(
                "web",
                ObjectIdentity.clusterScoped(
                        "rbac.authorization.k8s.io/v1", "ClusterRole", "system:aggregate-to-edit"));

        assertThat(TrackingId.parse(id.format())).contains(id);
    }

    @Test
    void textThatIsNotATrackingIdDoesNotParse() {
        assertThat(TrackingId.parse("web")).isEmpty();
        assertThat(TrackingId.parse("web:ConfigMap:shop/x")).isEmpty();
        assertThat(TrackingId.parse(":/ConfigMap:shop/x")).isEmpty();
        assertThat(TrackingId.parse("web:/:shop/x")).isEmpty();
        assertThat(TrackingId.parse("web:/ConfigMap:shop/")).isEmpty();
        assertThat(TrackingId.parse("web:/ConfigMap:shop")).isEmpty();
    }

    @Test
    void anObjectIsTheAppsOnlyWhenItsTrackingIdNamesTheAppAndTheObjectItself() {
        JsonNode owned = configMap("settings", "web:/ConfigMap:shop/settings");
        JsonNode copied = configMap("settings", "web:/ConfigMap:shop/other");
        JsonNode otherApp = configMap("settings", "api:/ConfigMap:shop/settings");

        assertThat(TrackingMarks.isOwnedBy("web", owned)).isTrue();
        assertThat(TrackingMarks.isOwnedBy("web", copied)).isFalse();
        assertThat(TrackingMarks.isOwnedBy("web", otherApp)).isFalse();
        assertThat(TrackingMarks.isOwnedBy("api", otherApp))
                .as("the app annotation says web: the marks disagree, so the object is nobody's to prune")
                .isFalse();
    }

    private static JsonNode configMap(String name, String trackingId) {
        return new ManifestParser()
                .parse("""
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: %s
                          namespace: shop
                          labels: {app.kubernetes.io/managed-by: plumbline}
                          annotations: {plumbline.dev/app: web, plumbline.dev/tracking-id: "%s"}
                        """.formatted(name, trackingId), null)
                .get(0)
                .body();
    }
}
