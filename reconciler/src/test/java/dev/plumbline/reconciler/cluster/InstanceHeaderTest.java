package dev.plumbline.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.DefaultMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The instance's name on the requests an API server receives, from the service's own and impersonating clients. */
class InstanceHeaderTest {

    private static final String PATH = "/api/v1/namespaces/team-a/configmaps/settings";

    private DefaultMockServer server;
    private KubernetesClient own;

    @BeforeEach
    void start() {
        server = new DefaultMockServer(false);
        server.start();
        server.expect()
                .get()
                .withPath(PATH)
                .andReturn(
                        200,
                        new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("settings")
                                .withNamespace("team-a")
                                .endMetadata()
                                .build())
                .always();
        Config config = new ConfigBuilder()
                .withMasterUrl(server.url("/"))
                .withCustomHeaders(Map.of("X-Other", "kept"))
                .build();
        new InstanceHeader("reconciler-2").customize(config);
        own = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterEach
    void stop() {
        own.close();
        server.shutdown();
    }

    @Test
    void everyRequestNamesTheInstanceAndKeepsTheUserAgent() throws Exception {
        own.configMaps().inNamespace("team-a").withName("settings").get();

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("X-Plumbline-Instance")).isEqualTo("reconciler-2");
        assertThat(request.getHeader("X-Other")).isEqualTo("kept");
        assertThat(request.getHeader("User-Agent")).startsWith("fabric8-kubernetes-client");
    }

    @Test
    void aSyncAsAServiceAccountNamesTheInstanceToo() throws Exception {
        new ImpersonatingClients(own)
                .as("system:serviceaccount:team-a:deployer")
                .configMaps()
                .inNamespace("team-a")
                .withName("settings")
                .get();

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Impersonate-User")).isEqualTo("system:serviceaccount:team-a:deployer");
        assertThat(request.getHeader("X-Plumbline-Instance")).isEqualTo("reconciler-2");
    }
}
