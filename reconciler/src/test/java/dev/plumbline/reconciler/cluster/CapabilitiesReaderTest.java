package dev.plumbline.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.reconciler.testing.Crds;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's version and API versions are read from the API server, whichever cluster the kubeconfig names. */
class CapabilitiesReaderTest {

    @TempDir
    Path folder;

    @Test
    void theVersionAndApiVersionsAreThoseTheEmbeddedApiServes() {
        try (EmbeddedKubeApi api = new EmbeddedKubeApi().start()) {
            String reported = api.client().getKubernetesVersion().getGitVersion();

            ClusterCapabilities capabilities = CapabilitiesReader.read(api.client());

            assertThat(capabilities.kubeVersion()).isEqualTo(reported).startsWith("v1.");
            assertThat(capabilities.apiVersions())
                    .contains("v1", "v1/ConfigMap", "apps/v1", "apps/v1/Deployment")
                    .doesNotContain("monitoring.coreos.com/v1");
        }
    }

    @Test
    void aCrdInstalledLaterIsAmongTheApiVersionsOfTheNextRead() {
        try (EmbeddedKubeApi api = new EmbeddedKubeApi().start()) {
            CapabilitiesReader.read(api.client());

            api.client().resource(Crds.serviceMonitor()).create();

            assertThat(CapabilitiesReader.read(api.client()).apiVersions())
                    .contains("monitoring.coreos.com/v1", "monitoring.coreos.com/v1/ServiceMonitor");
        }
    }

    @Test
    void aKubeconfigNamingAClusterOfAnotherVersionReadsThatVersion() throws IOException {
        HttpServer server = fakeApiServer("v1.28.5-gke.1217000");
        try {
            Path kubeconfig = folder.resolve("kubeconfig");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: other
                        cluster:
                          server: http://127.0.0.1:%d
                    contexts:
                      - name: other
                        context: {cluster: other, user: other}
                    users:
                      - name: other
                        user: {}
                    current-context: other
                    """.formatted(server.getAddress().getPort()));
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                    .build()) {

                ClusterCapabilities capabilities = CapabilitiesReader.read(client);

                assertThat(capabilities.kubeVersion()).isEqualTo("v1.28.5-gke.1217000");
                assertThat(capabilities.apiVersions())
                        .containsExactly("apps/v1", "apps/v1/Deployment", "v1", "v1/ConfigMap");
            }
        } finally {
            server.stop(0);
        }
    }

    /** An API server that serves only discovery: its version, the core group and apps/v1. */
    private static HttpServer fakeApiServer(String gitVersion) throws IOException {
        Map<String, String> documents = Map.of(
                "/version", """
                        {"major": "1", "minor": "28", "gitVersion": "%s", "gitCommit": "", "gitTreeState": "clean",
                         "buildDate": "2024-01-01T00:00:00Z", "goVersion": "go1.21", "compiler": "gc",
                         "platform": "linux/amd64"}""".formatted(gitVersion),
                "/api", """
                        {"kind": "APIVersions", "versions": ["v1"]}""",
                "/api/v1", """
                        {"kind": "APIResourceList", "groupVersion": "v1", "resources": [
                          {"name": "configmaps", "namespaced": true, "kind": "ConfigMap", "verbs": ["get"]}]}""",
                "/apis", """
                        {"kind": "APIGroupList", "apiVersion": "v1", "groups": [{"name": "apps",
                          "versions": [{"groupVersion": "apps/v1", "version": "v1"}],
                          "preferredVersion": {"groupVersion": "apps/v1", "version": "v1"}}]}""",
                "/apis/apps/v1", """
                        {"kind": "APIResourceList", "groupVersion": "apps/v1", "resources": [
                          {"name": "deployments", "namespaced": true, "kind": "Deployment", "verbs": ["get"]},
                          {"name": "deployments/scale", "namespaced": true, "kind": "Scale", "verbs": ["get"]}]}""");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String document = documents.get(exchange.getRequestURI().getPath());
            byte[] body = (document == null ? "{\"kind\": \"Status\", \"code\": 404}" : document)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(document == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
