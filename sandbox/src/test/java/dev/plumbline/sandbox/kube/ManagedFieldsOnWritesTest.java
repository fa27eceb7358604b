package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.KubeHttp.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManagedFieldsOnWritesTest {

    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

    private static void create(String name) {
        assertThat(kube.http().post(CONFIG_MAPS, """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s"},"data":{"color":"blue","size":"large"}}
                """.formatted(name)).code()).isEqualTo(201);
    }

    @Test
    void aCreateWithoutAFieldManagerIsRecordedUnderTheUserAgentName() {
        create("created");

        JsonNode stored = kube.http().get(CONFIG_MAPS + "/created").body();
        assertThat(fieldsOf(stored, "plumbline-tests", "Update").toString())
                .isEqualTo("{\"f:data\":{\"f:color\":{},\"f:size\":{}}}");
        assertThat(stored.path("metadata").path("resourceVersion").asText()).isNotBlank();
        assertThat(stored.path("metadata").path("generation").asInt()).isEqualTo(1);
    }

    @Test
    void aMergePatchByKubectlEditIsRecordedAsItsUpdateAndTakenFromTheApplier() {
        kube.http()
                .apply(
                        CONFIG_MAPS + "/edited",
                        "plumbline",
                        false,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"edited\"},"
                                + "\"data\":{\"color\":\"blue\",\"size\":\"large\"}}");
        String before = kube.http()
                .get(CONFIG_MAPS + "/edited")
                .body()
                .path("metadata")
                .path("resourceVersion")
                .asText();

        KubeHttp.Answer answer = kube.http()
                .patch(
                        CONFIG_MAPS + "/edited?fieldManager=kubectl-edit",
                        "application/merge-patch+json",
                        "{\"data\":{\"color\":\"red\"}}");

        assertThat(answer.code()).isEqualTo(200);
        JsonNode stored = kube.http().get(CONFIG_MAPS + "/edited").body();
        assertThat(stored.path("data").path("color").asText()).isEqualTo("red");
        assertThat(fieldsOf(stored, "kubectl-edit", "Update").toString()).isEqualTo("{\"f:data\":{\"f:color\":{}}}");
        assertThat(fieldsOf(stored, "plumbline", "Apply").toString()).isEqualTo("{\"f:data\":{\"f:size\":{}}}");
        assertThat(stored.path("metadata").path("resourceVersion").asText()).isNotEqualTo(before);
    }

    @Test
    void aJsonPatchAndAReplaceRecordOnlyTheFieldsTheyChanged() {
        create("patched");

        kube.http()
                .patch(
                        CONFIG_MAPS + "/patched?fieldManager=scripted",
                        "application/json-patch+json",
                        "[{\"op\":\"replace\",\"path\":\"/data/size\",\"value\":\"small\"}]");
        JsonNode afterPatch = kube.http().get(CONFIG_MAPS + "/patched").body();
        ((ObjectNode) afterPatch.path("data")).put("shape", "round");
        KubeHttp.Answer replaced =
                kube.http().put(CONFIG_MAPS + "/patched?fieldManager=replacer", afterPatch.toString());

        assertThat(replaced.code()).isEqualTo(200);
        JsonNode stored = kube.http().get(CONFIG_MAPS + "/patched").body();
        assertThat(fieldsOf(stored, "scripted", "Update").toString()).isEqualTo("{\"f:data\":{\"f:size\":{}}}");
        assertThat(fieldsOf(stored, "replacer", "Update").toString()).isEqualTo("{\"f:data\":{\"f:shape\":{}}}");
        assertThat(fieldsOf(stored, "plumbline-tests", "Update").toString()).isEqualTo("{\"f:data\":{\"f:color\":{}}}");
    }

    @Test
    void aReplaceWrittenAgainstAnOldResourceVersionIsRefused() {
        create("stale");
        JsonNode old = kube.http().get(CONFIG_MAPS + "/stale").body();
        kube.http().patch(CONFIG_MAPS + "/stale", "application/merge-patch+json", "{\"data\":{\"color\":\"red\"}}");

        KubeHttp.Answer answer = kube.http().put(CONFIG_MAPS + "/stale", old.toString());

        assertThat(answer.code()).isEqualTo(409);
        assertThat(answer.body().path("message").asText()).contains("the object has been modified");
    }
}
