package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryAndNamespacesTest {

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

    private static JsonNode resource(JsonNode list, String name) {
        for (JsonNode resource : list.path("resources")) {
            if (resource.path("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError(name + " is not in " + list);
    }

    private static List<String> groupNames() {
        List<String> names = new ArrayList<>();
        kube.http()
                .get("/apis")
                .body()
                .path("groups")
                .forEach(group -> names.add(group.path("name").asText()));
        return names;
    }

    @Test
    void discoveryListsTheBuiltInKindsWithScopeKindVerbsAndShortNames() {
        assertThat(kube.http().get("/api").body().path("versions").toString()).isEqualTo("[\"v1\"]");
        assertThat(groupNames())
                .contains(
                        "apps",
                        "batch",
                        "networking.k8s.io",
                        "rbac.authorization.k8s.io",
                        "apiextensions.k8s.io",
                        "policy",
                        "autoscaling");

        JsonNode configMaps = resource(kube.http().get("/api/v1").body(), "configmaps");
        assertThat(configMaps.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configMaps.path("namespaced").asBoolean()).isTrue();
        assertThat(configMaps.path("shortNames").toString()).isEqualTo("[\"cm\"]");
        assertThat(configMaps.path("verbs").toString()).contains("\"patch\"", "\"watch\"");
        JsonNode clusterRoles =
                resource(kube.http().get("/apis/rbac.authorization.k8s.io/v1").body(), "clusterroles");
        assertThat(clusterRoles.path("namespaced").asBoolean()).isFalse();
        assertThat(resource(kube.http().get("/apis/autoscaling/v2").body(), "horizontalpodautoscalers")
                        .path("shortNames")
                        .toString())
                .isEqualTo("[\"hpa\"]");
        assertThat(kube.http().get("/version").body().path("major").asText()).isEqualTo("1");
    }

    @Test
    void aCreatedCrdAppearsInDiscoveryIsEstablishedAndItsObjectsAreStored() {
        assertThat(kube.http().get("/apis/example.com/v1").code()).isEqualTo(404);

        CrdFixtures.createWidgetCrd(kube.http());

        assertThat(groupNames()).contains("example.com");
        JsonNode widgets = resource(kube.http().get("/apis/example.com/v1").body(), "widgets");
        assertThat(widgets.path("kind").asText()).isEqualTo("Widget");
        assertThat(widgets.path("shortNames").toString()).isEqualTo("[\"wd\"]");
        JsonNode crd = kube.http()
                .get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
                .body();
        assertThat(crd.path("status").path("conditions").toString()).contains("\"Established\"");
        assertThat(kube.http()
                        .apply(
                                "/apis/example.com/v1/namespaces/default/widgets/first",
                                "plumbline",
                                false,
                                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"first\"},\"spec\":{\"size\":1}}")
                        .code())
                .isEqualTo(201);
        assertThat(kube.http()
                        .get("/apis/example.com/v1/namespaces/default/widgets/first")
                        .body()
                        .path("spec")
                        .path("size")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void deletingANamespaceDeletesTheObjectsInItAndNothingElsewhere() {
        KubernetesClient client = kube.api().client();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("doomed")
                        .endMetadata()
                        .build())
                .create();
        for (String namespace : List.of("doomed", "default")) {
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("settings")
                            .endMetadata()
                            .addToData("k", "v")
                            .build())
                    .create();
        }

        client.namespaces().withName("doomed").delete();

        assertThat(client.namespaces().withName("doomed").get()).isNull();
        assertThat(kube.http()
                        .get("/api/v1/namespaces/doomed/configmaps/settings")
                        .code())
                .isEqualTo(404);
        assertThat(client.configMaps()
                        .inNamespace("default")
                        .withName("settings")
                        .get())
                .isNotNull();
    }

    @Test
    void theApiStartsWithDefaultAndKubeSystemAndRefusesObjectsInAMissingNamespace() {
        assertThat(kube.api().client().namespaces().list().getItems())
                .extracting(ns -> ns.getMetadata().getName())
                .contains("default", "kube-system");

        KubeHttp.Answer answer = kube.http()
                .post(
                        "/api/v1/namespaces/nowhere/configmaps",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"lost\"}}");

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.body().path("message").asText()).isEqualTo("namespaces \"nowhere\" not found");
    }

    @Test
    void kubectlGetReceivesATableWithNameAndAge() {
        KubeHttp.Answer answer =
                kube.http().get("/api/v1/namespaces", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        assertThat(answer.body().path("kind").asText()).isEqualTo("Table");
        assertThat(answer.body().path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Age");
        assertThat(answer.body().path("rows").findValues("cells").stream()
                        .map(cells -> cells.get(0).asText()))
                .contains("default", "kube-system");
    }
}
