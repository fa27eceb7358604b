package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a person types during an incident, by the real kubectl against the embedded API, with
 * kubectl's validation on (no {@code --validate=false}). Skipped when no kubectl is on the PATH.
 */
class KubectlCommandsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
              labels:
                app: %1$s
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: %1$s
              template:
                metadata:
                  labels:
                    app: %1$s
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            """;

    private static final String GADGET_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gadgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Gadget, plural: gadgets, singular: gadget}
              versions:
              - name: v1
                served: true
                storage: true
                subresources:
                  status: {}
                  scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          replicas: {type: integer}
                          size: {type: string}
                      status:
                        type: object
                        properties:
                          replicas: {type: integer}
            """;

    @TempDir
    static Path work;

    private static EmbeddedKubeApi api;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        var executable = Kubectl.onPath();
        assumeTrue(executable.isPresent(), "no kubectl on the PATH; skipping the kubectl command tests");
        api = new EmbeddedKubeApi().start();
        kubectl = new Kubectl(executable.get(), api.writeKubeconfig(work.resolve("kubeconfig")), work);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static Path manifest(String name, String text) {
        try {
            return Files.writeString(work.resolve(name), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "get";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "-o";
        all[args.length + 2] = "json";
        return KubeJson.read(kubectl.run(all).succeeded().stdout());
    }

    private static void applied(String name) {
        kubectl.run(
                        "apply",
                        "-f",
                        manifest(name + ".yaml", DEPLOYMENT.formatted(name)).toString())
                .succeeded();
    }

    @Test
    void createNamespaceConfigmapAndDeploymentWhichKubectlSendsAsProtobuf() {
        assertThat(kubectl.run("create", "namespace", "shop").succeeded().stdout())
                .contains("namespace/shop created");
        kubectl.run("create", "configmap", "settings", "-n", "shop", "--from-literal=color=blue")
                .succeeded();
        kubectl.run("create", "deployment", "web", "-n", "shop", "--image=nginx:1.25", "--replicas=2")
                .succeeded();

        assertThat(json("configmap", "settings", "-n", "shop")
                        .path("data")
                        .path("color")
                        .asText())
                .isEqualTo("blue");
        JsonNode deployment = json("deployment", "web", "-n", "shop");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("nginx:1.25");
        assertThat(deployment.at("/spec/selector/matchLabels/app").asText()).isEqualTo("web");
    }

    @Test
    void applyValidatesClientSideAndServerSideAndRefusesAnUnknownField() {
        Path manifest = manifest("apply.yaml", DEPLOYMENT.formatted("applied"));
        assertThat(kubectl.run("apply", "-f", manifest.toString()).succeeded().stdout())
                .contains("deployment.apps/applied created");
        manifest("apply.yaml", DEPLOYMENT.formatted("applied").replace("nginx:1.25", "nginx:1.26"));
        assertThat(kubectl.run("apply", "-f", manifest.toString()).succeeded().stdout())
                .contains("deployment.apps/applied configured");
        assertThat(kubectl.run(
                                "apply",
                                "--server-side",
                                "-f",
                                manifest("ssa.yaml", DEPLOYMENT.formatted("server-applied"))
                                        .toString())
                        .succeeded()
                        .stdout())
                .contains("deployment.apps/server-applied serverside-applied");

        Kubectl.Run typo = kubectl.run(
                "apply",
                "-f",
                manifest(
                                "typo.yaml",
                                DEPLOYMENT
                                        .formatted("typo")
                                        .replace("spec:\n  replicas", "spce: {}\nspec:\n  replicas"))
                        .toString());

        assertThat(typo.exitCode()).isNotZero();
        assertThat(typo.stderr()).contains("strict decoding error: unknown field \"spce\"");
        assertThat(json("deployment", "applied")
                        .at("/spec/template/spec/containers/0/image")
                        .asText())
                .isEqualTo("nginx:1.26");
    }

    @Test
    void getPrintsYamlAndJson() {
        applied("printed");

        assertThat(kubectl.run("get", "deployment", "printed", "-o", "yaml")
                        .succeeded()
                        .stdout())
                .contains("kind: Deployment", "name: printed", "image: nginx:1.25");
        assertThat(json("deployment", "printed").path("metadata").path("name").asText())
                .isEqualTo("printed");
    }

    @Test
    void editSavesWhatTheEditorChanged() throws IOException {
        applied("edited");
        Path editor = work.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/nginx:1.25/nginx:1.27/' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));

        assertThat(kubectl.run(Map.of("KUBE_EDITOR", editor.toString()), "edit", "deployment", "edited")
                        .succeeded()
                        .stdout())
                .contains("deployment.apps/edited edited");

        assertThat(json("deployment", "edited")
                        .at("/spec/template/spec/containers/0/image")
                        .asText())
                .isEqualTo("nginx:1.27");
    }

    @Test
    void patchAsJsonPatchMergePatchAndStrategicMergePatch() {
        applied("patched");

        kubectl.run(
                        "patch",
                        "deployment",
                        "patched",
                        "--type",
                        "json",
                        "-p",
                        "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]")
                .succeeded();
        kubectl.run(
                        "patch",
                        "deployment",
                        "patched",
                        "--type",
                        "merge",
                        "-p",
                        "{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}")
                .succeeded();
        kubectl.run(
                        "patch",
                        "deployment",
                        "patched",
                        "--type",
                        "strategic",
                        "-p",
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox:1\"}]}}}}")
                .succeeded();

        JsonNode deployment = json("deployment", "patched");
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/metadata/labels/tier").asText()).isEqualTo("front");
        assertThat(deployment.at("/spec/template/spec/containers").findValuesAsText("name"))
                .containsExactlyInAnyOrder("app", "sidecar");
    }

    @Test
    void labelAnnotateScaleAndSetImage() {
        applied("tuned");

        kubectl.run("label", "deployment", "tuned", "team=shop").succeeded();
        kubectl.run("annotate", "deployment", "tuned", "owner=alice").succeeded();
        assertThat(kubectl.run("scale", "deployment/tuned", "--replicas=5")
                        .succeeded()
                        .stdout())
                .contains("deployment.apps/tuned scaled");
        kubectl.run("set", "image", "deployment/tuned", "app=nginx:1.28").succeeded();

        JsonNode deployment = json("deployment", "tuned");
        assertThat(deployment.at("/metadata/labels/team").asText()).isEqualTo("shop");
        assertThat(deployment.at("/metadata/annotations/owner").asText()).isEqualTo("alice");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(5);
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("nginx:1.28");
        JsonNode scale =
                KubeJson.read(kubectl.run("get", "--raw", "/apis/apps/v1/namespaces/default/deployments/tuned/scale")
                        .succeeded()
                        .stdout());
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(scale.at("/status/selector").asText()).isEqualTo("app=tuned");
    }

    @Test
    void scaleACustomResourceWhoseCrdDeclaresTheScaleSubresource() {
        kubectl.run("apply", "-f", manifest("gadget-crd.yaml", GADGET_CRD).toString())
                .succeeded();
        kubectl.run(
                        "apply",
                        "-f",
                        manifest(
                                        "gadget.yaml",
                                        "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1}\nspec: {replicas: 1, size: s}\n")
                                .toString())
                .succeeded();

        kubectl.run("scale", "gadget/g1", "--replicas=4").succeeded();

        assertThat(json("gadget", "g1").at("/spec/replicas").asInt()).isEqualTo(4);
        Kubectl.Run typo = kubectl.run(
                "apply",
                "-f",
                manifest(
                                "gadget-typo.yaml",
                                "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g2}\nspec: {replicas: 1, colour: red}\n")
                        .toString());
        assertThat(typo.exitCode()).isNotZero();
        assertThat(typo.stderr()).contains("unknown field \"spec.colour\"");
    }

    @Test
    void deleteRemovesTheObject() {
        applied("doomed");

        assertThat(kubectl.run("delete", "deployment", "doomed").succeeded().stdout())
                .contains("deployment.apps \"doomed\" deleted");

        assertThat(kubectl.run("get", "deployment", "doomed").stderr()).contains("NotFound");
    }

    @Test
    void diffExits0WhenTheManifestMatchesAnd1ShowingTheChangeWhenNot() {
        applied("compared");
        Path same = manifest("compared.yaml", DEPLOYMENT.formatted("compared"));

        Kubectl.Run unchanged = kubectl.run("diff", "-f", same.toString());
        Kubectl.Run changed = kubectl.run(
                "diff",
                "-f",
                manifest("compared-new.yaml", DEPLOYMENT.formatted("compared").replace("nginx:1.25", "nginx:1.29"))
                        .toString());

        assertThat(unchanged.exitCode()).as(unchanged.stderr()).isZero();
        assertThat(changed.exitCode()).as(changed.stderr()).isEqualTo(1);
        assertThat(changed.stdout())
                .contains("-      - image: nginx:1.25", "+      - image: nginx:1.29")
                .doesNotContain("resourceVersion");
        assertThat(changed.stderr()).doesNotContain("keeps changing");
        assertThat(json("deployment", "compared")
                        .at("/spec/template/spec/containers/0/image")
                        .asText())
                .as("a diff changes nothing")
                .isEqualTo("nginx:1.25");
    }

    @Test
    void waitAndRolloutStatusEndOnceStatusIsWrittenAndGetWatchPrintsChanges() {
        applied("awaited");
        Kubectl.Running wait =
                kubectl.start(Map.of(), "wait", "--for=condition=Available", "deployment/awaited", "--timeout=20s");
        Kubectl.Running rollout = kubectl.start(Map.of(), "rollout", "status", "deployment/awaited", "--timeout=20s");
        Kubectl.Running watch = kubectl.start(Map.of(), "get", "deployment", "awaited", "-w");
        await().atMost(Duration.ofSeconds(15)).until(() -> watch.output().contains("awaited"));

        kubectl.run("patch", "deployment", "awaited", "--subresource=status", "--type=merge", "-p", """
                {"status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,
                 "availableReplicas":1,"conditions":[{"type":"Available","status":"True"}]}}""")
                .succeeded();

        assertThat(wait.finished().succeeded().stdout()).contains("deployment.apps/awaited condition met");
        assertThat(rollout.finished().succeeded().stdout()).contains("deployment \"awaited\" successfully rolled out");
        kubectl.run("label", "deployment", "awaited", "seen=yes").succeeded();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> watch.output()
                                .lines()
                                .filter(line -> line.startsWith("awaited"))
                                .count()
                        >= 3);
        watch.process().destroy();
    }
}
