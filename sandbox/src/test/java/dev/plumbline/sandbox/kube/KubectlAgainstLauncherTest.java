package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against the standalone launcher, through the kubeconfig the launcher writes. */
@Tag("slow")
class KubectlAgainstLauncherTest {

    private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    static Path work;

    private static Process launcher;
    private static Path kubeconfig;

    /** What one kubectl run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
        Run succeeded() {
            assertThat(exitCode).as("kubectl failed; stderr:%n%s", stderr).isZero();
            return this;
        }
    }

    @BeforeAll
    static void startLauncher() throws IOException {
        assumeTrue(Files.isExecutable(KUBECTL), "kubectl is not installed at " + KUBECTL + "; skipping kubectl tests");
        kubeconfig = work.resolve("kubeconfig");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        launcher = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KubeApiMain.class.getName(),
                        "--port",
                        "0",
                        "--kubeconfig",
                        kubeconfig.toString())
                .redirectError(work.resolve("launcher.err").toFile())
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        String ready = output.readLine();
        assertThat(ready)
                .as("the launcher's ready line; its stderr:%n%s", Files.readString(work.resolve("launcher.err")))
                .matches("kube-api ready at http://127\\.0\\.0\\.1:\\d+ kubeconfig=" + kubeconfig.toAbsolutePath());
        assertThat(Files.readString(kubeconfig)).contains(ready.split(" ")[3]);
    }

    @AfterAll
    static void stopLauncher() throws InterruptedException {
        if (launcher != null) {
            launcher.destroy();
            assertThat(launcher.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("the launcher stops on SIGTERM")
                    .isTrue();
        }
    }

    private static Run kubectl(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().putAll(environment);
            Path stdout = Files.createTempFile(work, "kubectl", ".out");
            Path stderr = Files.createTempFile(work, "kubectl", ".err");
            Process process = builder.redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS
                        + "s; stderr:\n" + Files.readString(stderr));
            }
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Run kubectl(String... args) {
        return kubectl(Map.of(), args);
    }

    private static Path resource(String name) {
        try {
            return Path.of(KubectlAgainstLauncherTest.class
                    .getResource("/kube/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode getJson(String... args) {
        List<String> all = new ArrayList<>(List.of("get"));
        all.addAll(List.of(args));
        all.addAll(List.of("-o", "json", "--show-managed-fields"));
        return KubeJson.read(kubectl(all.toArray(String[]::new)).succeeded().stdout());
    }

    private static List<String> managers(JsonNode object) {
        List<String> managers = new ArrayList<>();
        object.path("metadata")
                .path("managedFields")
                .forEach(entry -> managers.add(entry.path("manager").asText() + ":"
                        + entry.path("operation").asText()));
        return managers;
    }

    @Test
    void kubectlGetListsTheNamespacesTheApiStartsWith() {
        Run run = kubectl("get", "namespaces").succeeded();

        assertThat(run.stdout()).contains("NAME", "AGE", "default", "kube-system");
    }

    @Test
    void kubectlClientSideApplyCreatesThenConfiguresADeployment() throws IOException {
        Path manifest = work.resolve("deployment.yaml");
        Files.copy(resource("deployment.yaml"), manifest);

        assertThat(kubectl("apply", "-f", manifest.toString()).succeeded().stdout())
                .contains("deployment.apps/web created");
        Files.writeString(manifest, Files.readString(manifest).replace("nginx:1.25", "nginx:1.26"));
        assertThat(kubectl("apply", "-f", manifest.toString()).succeeded().stdout())
                .contains("deployment.apps/web configured");

        JsonNode deployment = getJson("deployment", "web");
        JsonNode containers =
                deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.get(0).path("image").asText()).isEqualTo("nginx:1.26");
        assertThat(containers.get(1).path("image").asText()).isEqualTo("busybox:1");
        assertThat(managers(deployment)).containsExactly("kubectl-client-side-apply:Update");
    }

    @Test
    void kubectlServerSideApplyThenEditLeavesTheEditAttributedToKubectlEdit() throws IOException {
        assertThat(kubectl(
                                "apply",
                                "--server-side",
                                "-f",
                                resource("configmap.yaml").toString())
                        .succeeded()
                        .stdout())
                .contains("configmap/settings serverside-applied");
        Path editor = work.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/color: blue/color: red/' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));

        kubectl(Map.of("KUBE_EDITOR", editor.toString()), "edit", "configmap", "settings")
                .succeeded();

        JsonNode configMap = getJson("configmap", "settings");
        assertThat(configMap.path("data").path("color").asText()).isEqualTo("red");
        assertThat(managers(configMap)).containsExactly("kubectl:Apply", "kubectl-edit:Update");
        assertThat(KubeHttp.fieldsOf(configMap, "kubectl-edit", "Update").toString())
                .isEqualTo("{\"f:data\":{\"f:color\":{}}}");

        Run conflict = kubectl(
                "apply", "--server-side", "-f", resource("configmap.yaml").toString());
        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.stderr()).contains("conflict with \"kubectl-edit\"", ".data.color");
    }

    @Test
    void kubectlDeleteRemovesAnObject() throws IOException {
        Path manifest = work.resolve("doomed.yaml");
        Files.writeString(manifest, Files.readString(resource("configmap.yaml")).replace("settings", "doomed"));
        kubectl("create", "-f", manifest.toString()).succeeded();

        assertThat(kubectl("delete", "configmap", "doomed").succeeded().stdout())
                .contains("configmap \"doomed\" deleted");

        Run get = kubectl("get", "configmap", "doomed");
        assertThat(get.exitCode()).isNotZero();
        assertThat(get.stderr()).contains("NotFound");
    }
}
