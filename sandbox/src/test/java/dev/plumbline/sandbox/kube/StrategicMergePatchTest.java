package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.KubeHttp.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StrategicMergePatchTest {

    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

    private static final String STRATEGIC = "application/strategic-merge-patch+json";

    private static void createWebDeployment(String name) {
        assertThat(kube.http().post(DEPLOYMENTS, """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","labels":{"app":"web"}},
                 "spec":{"replicas":1,"template":{"spec":{"containers":[
                   {"name":"app","image":"app:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                    "ports":[{"containerPort":8080}]},
                   {"name":"sidecar","image":"sidecar:1"}]}}}}
                """.formatted(name)).code()).isEqualTo(201);
    }

    private static JsonNode containers(String name) {
        return kube.http()
                .get(DEPLOYMENTS + "/" + name)
                .body()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers");
    }

    @Test
    void changingOneContainersImageKeepsTheOtherContainerAndMergesEnvByName() {
        createWebDeployment("merged");

        KubeHttp.Answer answer = kube.http().patch(DEPLOYMENTS + "/merged?fieldManager=kubectl-edit", STRATEGIC, """
                {"spec":{"template":{"spec":{"containers":[
                  {"name":"app","image":"app:2","env":[{"name":"B","value":"20"},{"name":"C","value":"3"}]}]}}}}
                """);

        assertThat(answer.code()).isEqualTo(200);
        JsonNode containers = containers("merged");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("app:2");
        assertThat(containers.get(0).path("env").toString())
                .isEqualTo(
                        "[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"},{\"name\":\"C\",\"value\":\"3\"}]");
        assertThat(containers.get(0).path("ports").toString()).isEqualTo("[{\"containerPort\":8080}]");
        assertThat(containers.get(1).path("image").asText()).isEqualTo("sidecar:1");
        JsonNode edited = fieldsOf(kube.http().get(DEPLOYMENTS + "/merged").body(), "kubectl-edit", "Update");
        assertThat(edited.path("f:spec")
                        .path("f:template")
                        .path("f:spec")
                        .path("f:containers")
                        .path("k:{\"name\":\"app\"}")
                        .path("f:image")
                        .isObject())
                .isTrue();
    }

    @Test
    void nullDeletesAMapEntryAndPatchDeleteRemovesAListItem() {
        createWebDeployment("deleting");

        kube.http().patch(DEPLOYMENTS + "/deleting", STRATEGIC, """
                {"metadata":{"labels":{"app":null}},
                 "spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}
                """);

        JsonNode stored = kube.http().get(DEPLOYMENTS + "/deleting").body();
        assertThat(stored.path("metadata").path("labels").has("app")).isFalse();
        assertThat(containers("deleting"))
                .extracting(c -> c.path("name").asText())
                .containsExactly("app");
    }

    @Test
    void setElementOrderReordersTheMergedListAndReplaceSwapsAListWhole() {
        createWebDeployment("ordered");

        kube.http().patch(DEPLOYMENTS + "/ordered", STRATEGIC, """
                {"spec":{"template":{"spec":{
                  "$setElementOrder/containers":[{"name":"sidecar"},{"name":"app"}],
                  "containers":[{"name":"app","env":[{"$patch":"replace"},{"name":"Z","value":"26"}]}]}}}}
                """);

        JsonNode containers = containers("ordered");
        assertThat(containers).extracting(c -> c.path("name").asText()).containsExactly("sidecar", "app");
        assertThat(containers.get(1).path("env").toString()).isEqualTo("[{\"name\":\"Z\",\"value\":\"26\"}]");
    }

    @Test
    void aServiceMergesItsPortsByPort() {
        String services = "/api/v1/namespaces/default/services";
        kube.http().post(services, """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
                 "spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":8443}]}}
                """);

        kube.http().patch(services + "/web", STRATEGIC, "{\"spec\":{\"ports\":[{\"port\":443,\"targetPort\":9443}]}}");

        assertThat(kube.http()
                        .get(services + "/web")
                        .body()
                        .path("spec")
                        .path("ports")
                        .toString())
                .isEqualTo("[{\"port\":80,\"targetPort\":8080},{\"port\":443,\"targetPort\":9443}]");
    }

    @Test
    void aStrategicMergePatchOfACustomResourceIsRefusedAsKubernetesDoes() {
        CrdFixtures.createWidgetCrd(kube.http());
        kube.http()
                .post(
                        "/apis/example.com/v1/namespaces/default/widgets",
                        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},\"spec\":{}}");

        KubeHttp.Answer answer = kube.http()
                .patch("/apis/example.com/v1/namespaces/default/widgets/w", STRATEGIC, "{\"spec\":{\"size\":2}}");

        assertThat(answer.code()).isEqualTo(415);
    }
}
