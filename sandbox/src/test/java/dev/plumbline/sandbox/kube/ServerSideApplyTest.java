package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.KubeHttp.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerSideApplyTest {

    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps/";

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

    private static String configMap(String name, String data) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                %s
                """.formatted(name, data.indent(2));
    }

    @Test
    void anApplyOfAMissingObjectCreatesItAndRecordsTheManagerAsApply() {
        KubeHttp.Answer answer =
                kube.http().apply(CONFIG_MAPS + "created", "plumbline", false, configMap("created", "color: blue"));

        assertThat(answer.code()).isEqualTo(201);
        JsonNode stored = kube.http().get(CONFIG_MAPS + "created").body();
        assertThat(stored.path("data").path("color").asText()).isEqualTo("blue");
        assertThat(stored.path("metadata").path("uid").asText()).isNotBlank();
        assertThat(stored.path("metadata").path("creationTimestamp").asText()).isNotBlank();
        JsonNode entry = stored.path("metadata").path("managedFields").get(0);
        assertThat(entry.path("manager").asText()).isEqualTo("plumbline");
        assertThat(entry.path("operation").asText()).isEqualTo("Apply");
        assertThat(entry.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(entry.path("fieldsType").asText()).isEqualTo("FieldsV1");
        assertThat(entry.path("time").asText()).isNotBlank();
        assertThat(entry.path("fieldsV1").toString()).isEqualTo("{\"f:data\":{\"f:color\":{}}}");
    }

    @Test
    void anApplyByTheSameManagerWithoutAFieldRemovesThatField() {
        kube.http()
                .apply(CONFIG_MAPS + "dropped", "plumbline", false, configMap("dropped", "color: blue\nsize: large"));

        KubeHttp.Answer answer =
                kube.http().apply(CONFIG_MAPS + "dropped", "plumbline", false, configMap("dropped", "color: blue"));

        assertThat(answer.code()).isEqualTo(200);
        JsonNode stored = kube.http().get(CONFIG_MAPS + "dropped").body();
        assertThat(stored.path("data").has("size")).isFalse();
        assertThat(stored.path("data").path("color").asText()).isEqualTo("blue");
        assertThat(fieldsOf(stored, "plumbline", "Apply").toString()).isEqualTo("{\"f:data\":{\"f:color\":{}}}");
    }

    @Test
    void anApplyThatChangesAFieldAnotherManagerOwnsIsRefusedWith409NamingBoth() {
        kube.http().apply(CONFIG_MAPS + "contested", "plumbline", false, configMap("contested", "color: blue"));

        KubeHttp.Answer answer =
                kube.http().apply(CONFIG_MAPS + "contested", "intruder", false, configMap("contested", "color: red"));

        assertThat(answer.code()).isEqualTo(409);
        assertThat(answer.body().path("kind").asText()).isEqualTo("Status");
        assertThat(answer.body().path("reason").asText()).isEqualTo("Conflict");
        assertThat(answer.body().path("message").asText())
                .isEqualTo("Apply failed with 1 conflict: conflict with \"plumbline\": .data.color");
        JsonNode cause = answer.body().path("details").path("causes").get(0);
        assertThat(cause.path("reason").asText()).isEqualTo("FieldManagerConflict");
        assertThat(cause.path("field").asText()).isEqualTo(".data.color");
        assertThat(kube.http()
                        .get(CONFIG_MAPS + "contested")
                        .body()
                        .path("data")
                        .path("color")
                        .asText())
                .isEqualTo("blue");
    }

    @Test
    void aForcedApplyTakesTheFieldAndManagedFieldsShowTheMove() {
        kube.http().apply(CONFIG_MAPS + "forced", "plumbline", false, configMap("forced", "color: blue\nsize: large"));

        KubeHttp.Answer answer =
                kube.http().apply(CONFIG_MAPS + "forced", "intruder", true, configMap("forced", "color: red"));

        assertThat(answer.code()).isEqualTo(200);
        JsonNode stored = kube.http().get(CONFIG_MAPS + "forced").body();
        assertThat(stored.path("data").path("color").asText()).isEqualTo("red");
        assertThat(fieldsOf(stored, "intruder", "Apply").toString()).isEqualTo("{\"f:data\":{\"f:color\":{}}}");
        assertThat(fieldsOf(stored, "plumbline", "Apply").toString()).isEqualTo("{\"f:data\":{\"f:size\":{}}}");
    }

    @Test
    void anApplyWithTheSameValueSharesTheFieldAndADroppedSharedFieldStays() {
        kube.http().apply(CONFIG_MAPS + "shared", "plumbline", false, configMap("shared", "color: blue\nsize: large"));
        kube.http().apply(CONFIG_MAPS + "shared", "other", false, configMap("shared", "color: blue"));

        kube.http().apply(CONFIG_MAPS + "shared", "plumbline", false, configMap("shared", "size: large"));

        JsonNode stored = kube.http().get(CONFIG_MAPS + "shared").body();
        assertThat(stored.path("data").path("color").asText()).isEqualTo("blue");
        assertThat(fieldsOf(stored, "other", "Apply").toString()).isEqualTo("{\"f:data\":{\"f:color\":{}}}");
        assertThat(fieldsOf(stored, "plumbline", "Apply").toString()).isEqualTo("{\"f:data\":{\"f:size\":{}}}");
    }

    @Test
    void anApplyMergesContainersByNameAndRecordsKeyedItems() {
        String deployments = "/apis/apps/v1/namespaces/default/deployments/";
        kube.http().apply(deployments + "keyed", "plumbline", false, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: keyed}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: "app:1"}
                """);
        kube.http()
                .patch(
                        deployments + "keyed?fieldManager=injector",
                        "application/strategic-merge-patch+json",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"proxy\",\"image\":\"proxy:1\"}]}}}}");

        kube.http().apply(deployments + "keyed", "plumbline", false, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: keyed}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: app, image: "app:2"}
                """);

        JsonNode stored = kube.http().get(deployments + "keyed").body();
        assertThat(stored.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .toString())
                .isEqualTo("[{\"name\":\"app\",\"image\":\"app:2\"},{\"name\":\"proxy\",\"image\":\"proxy:1\"}]");
        assertThat(fieldsOf(stored, "plumbline", "Apply")
                        .path("f:spec")
                        .path("f:template")
                        .path("f:spec")
                        .path("f:containers")
                        .toString())
                .isEqualTo("{\"k:{\\\"name\\\":\\\"app\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}}");
        assertThat(stored.path("metadata").path("generation").asInt()).isEqualTo(3);
    }
}
