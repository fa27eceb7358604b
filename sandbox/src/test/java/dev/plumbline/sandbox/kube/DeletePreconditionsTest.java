package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DeleteOptions.preconditions as kube-apiserver checks them: a delete names the UID (or resourceVersion) it decided
 * on, and an object that is no longer that one (deleted and recreated, or changed since) is kept with 409 Conflict.
 */
class DeletePreconditionsTest {

    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

    @RegisterExtension
    static final RunningKubeApi kube = new RunningKubeApi();

    private static KubeHttp.Answer create(String name) {
        KubeHttp.Answer created = kube.http()
                .post(
                        CONFIGMAPS,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                                + "\"},\"data\":{\"k\":\"v\"}}");
        assertThat(created.code()).isEqualTo(201);
        return created;
    }

    private static String uid(KubeHttp.Answer answer) {
        return answer.body().path("metadata").path("uid").asText();
    }

    @Test
    void aDeleteNamingTheUidOfAnObjectSinceRecreatedIsRefusedWithConflictAndKeepsTheNewObject() {
        String decidedOn = uid(create("recreated"));
        assertThat(kube.http().delete(CONFIGMAPS + "/recreated").code()).isEqualTo(200);
        String recreated = uid(create("recreated"));

        KubeHttp.Answer answer = kube.http()
                .delete(
                        CONFIGMAPS + "/recreated",
                        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\","
                                + "\"preconditions\":{\"uid\":\"" + decidedOn + "\"}}");

        assertThat(answer.code()).isEqualTo(409);
        assertThat(answer.body().path("reason").asText()).isEqualTo("Conflict");
        assertThat(answer.body().path("message").asText())
                .isEqualTo("Operation cannot be fulfilled on configmaps \"recreated\": Precondition failed: UID in"
                        + " precondition: " + decidedOn + ", UID in object meta: " + recreated);
        assertThat(answer.body().path("details").path("name").asText()).isEqualTo("recreated");
        assertThat(answer.body().path("details").path("kind").asText()).isEqualTo("configmaps");
        assertThat(uid(kube.http().get(CONFIGMAPS + "/recreated"))).isEqualTo(recreated);
    }

    @Test
    void aDeleteNamingTheObjectsOwnUidDeletesIt() {
        String uid = uid(create("same"));

        KubeHttp.Answer answer =
                kube.http().delete(CONFIGMAPS + "/same", "{\"preconditions\":{\"uid\":\"" + uid + "\"}}");

        assertThat(answer.code()).isEqualTo(200);
        assertThat(kube.http().get(CONFIGMAPS + "/same").code()).isEqualTo(404);
    }

    @Test
    void aDeleteNamingAnOlderResourceVersionIsRefusedWithConflict() {
        KubeHttp.Answer created = create("changed");
        String decidedOn =
                created.body().path("metadata").path("resourceVersion").asText();
        KubeHttp.Answer changed =
                kube.http().patch(CONFIGMAPS + "/changed", "application/merge-patch+json", "{\"data\":{\"k\":\"w\"}}");
        String current = changed.body().path("metadata").path("resourceVersion").asText();

        KubeHttp.Answer answer = kube.http()
                .delete(CONFIGMAPS + "/changed", "{\"preconditions\":{\"resourceVersion\":\"" + decidedOn + "\"}}");

        assertThat(answer.code()).isEqualTo(409);
        assertThat(answer.body().path("message").asText())
                .isEqualTo("Operation cannot be fulfilled on configmaps \"changed\": Precondition failed:"
                        + " ResourceVersion in precondition: " + decidedOn + ", ResourceVersion in object meta: "
                        + current);
        assertThat(kube.http().get(CONFIGMAPS + "/changed").code()).isEqualTo(200);
    }

    @Test
    void aDeleteOptionsBodyThatIsNotJsonIsABadRequestNamingTheBody() {
        create("garbled");

        KubeHttp.Answer answer = kube.http().delete(CONFIGMAPS + "/garbled", "{not json");

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.body().path("message").asText()).contains("DeleteOptions");
        assertThat(kube.http().get(CONFIGMAPS + "/garbled").code()).isEqualTo(200);
    }

    @Test
    void aDeletePreconditionOnAMissingObjectIsNotFound() {
        KubeHttp.Answer answer = kube.http().delete(CONFIGMAPS + "/absent", "{\"preconditions\":{\"uid\":\"u\"}}");

        assertThat(answer.code()).isEqualTo(404);
    }
}
