package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bodies sent as protobuf, as kubectl sends built-in types, are stored as the same JSON. */
class ProtobufBodyTest {

    private final EmbeddedKubeApi api = new EmbeddedKubeApi().start();

    @AfterEach
    void stop() {
        api.close();
    }

    private static byte[] envelope(String apiVersion, String kind, com.google.protobuf.Message object) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {'k', '8', 's', 0});
        body.writeBytes(Runtime.Unknown.newBuilder()
                .setTypeMeta(
                        Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(object.toByteString())
                .setContentType("")
                .build()
                .toByteArray());
        return body.toByteArray();
    }

    private static IntStr.IntOrString number(int value) {
        return IntStr.IntOrString.newBuilder().setType(0).setIntVal(value).build();
    }

    @Test
    void aDeploymentSentAsProtobufIsStoredAsKubernetesJson() throws Exception {
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder()
                        .setName("web")
                        .setGenerateName("")
                        .setCreationTimestamp(Meta.Time.newBuilder())
                        .putLabels("app", "web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(0)
                        .setMinReadySeconds(0)
                        .setPaused(false)
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder()
                                .setType("RollingUpdate")
                                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                                        .setMaxUnavailable(number(0))
                                        .setMaxSurge(IntStr.IntOrString.newBuilder()
                                                .setType(1)
                                                .setStrVal("25%"))))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setSpec(V1.PodSpec.newBuilder()
                                        .addContainers(V1.Container.newBuilder()
                                                .setName("nginx")
                                                .setImage("nginx:1.25")
                                                .setResources(V1.ResourceRequirements.newBuilder()
                                                        .putLimits(
                                                                "memory",
                                                                Resource.Quantity.newBuilder()
                                                                        .setString("64Mi")
                                                                        .build()))))))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.url() + "/apis/apps/v1/namespaces/default/deployments"))
                                .header("Content-Type", ProtobufBody.CONTENT_TYPE)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        envelope("apps/v1", "Deployment", deployment)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode stored = new KubeHttp(api)
                .get("/apis/apps/v1/namespaces/default/deployments/web")
                .body();
        assertThat(stored.path("kind").asText()).isEqualTo("Deployment");
        assertThat(stored.path("metadata").has("generateName"))
                .as("empty strings are left out")
                .isFalse();
        assertThat(stored.path("metadata").path("labels").toString()).isEqualTo("{\"app\":\"web\"}");
        JsonNode spec = stored.path("spec");
        assertThat(spec.has("replicas")).as("replicas: 0 is a choice").isTrue();
        assertThat(spec.has("minReadySeconds") || spec.has("paused"))
                .as("plain zero fields are left out")
                .isFalse();
        assertThat(spec.path("strategy").path("rollingUpdate").toString())
                .isEqualTo("{\"maxUnavailable\":0,\"maxSurge\":\"25%\"}");
        assertThat(spec.at("/template/spec/containers/0/resources/limits/memory")
                        .asText())
                .isEqualTo("64Mi");
    }

    @Test
    void timesBytesAndMapsTakeTheirJsonForms() {
        V1.Secret secret = V1.Secret.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder()
                        .setName("s")
                        .setDeletionTimestamp(Meta.Time.newBuilder().setSeconds(1_700_000_000L)))
                .putData("password", com.google.protobuf.ByteString.copyFromUtf8("hunter2"))
                .build();

        JsonNode json = ProtobufBody.toJson(envelope("v1", "Secret", secret));

        assertThat(json.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(json.path("metadata").path("deletionTimestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.path("data").path("password").asText()).isEqualTo("aHVudGVyMg==");
    }

    @Test
    void aKindItCannotReadAsProtobufIsRefusedNamingJsonAsTheWay() {
        byte[] body = envelope("example.com/v1", "Widget", V1.ConfigMap.getDefaultInstance());

        assertThatThrownBy(() -> ProtobufBody.toJson(body))
                .hasMessageContaining("cannot read Widget of example.com/v1 as protobuf; send it as application/json");
        assertThatThrownBy(() -> ProtobufBody.toJson("{}".getBytes())).hasMessageContaining("magic bytes");
    }

    @Test
    void goDurationsReadAsGoWritesThem() {
        assertThat(ProtobufJson.goDuration(3_600_000_000_000L)).isEqualTo("1h0m0s");
        assertThat(ProtobufJson.goDuration(90_000_000_000L)).isEqualTo("1m30s");
        assertThat(ProtobufJson.goDuration(1_500_000_000L)).isEqualTo("1.5s");
        assertThat(ProtobufJson.goDuration(500_000_000L)).isEqualTo("500ms");
        assertThat(ProtobufJson.goDuration(0)).isEqualTo("0s");
    }
}
