package dev.plumbline.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.DefaultMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headers each client sends, as an API server receives them. */
class ImpersonatingClientsTest {

    private static final String PATH = "/api/v1/namespaces/team-a/configmaps/settings";
    private static final String DEPLOYER = "system:serviceaccount:team-a:deployer";

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
        own = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(server.url("/")).build())
                .build();
    }

    @AfterEach
    void stop() {
        own.close();
        server.shutdown();
    }

    @Test
    void aServiceAccountsClientSendsItAsTheUserToImpersonateAndNoGroups() throws Exception {
        ImpersonatingClients clients = new ImpersonatingClients(own);

        read(clients.as(DEPLOYER));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Impersonate-User")).isEqualTo(DEPLOYER);
        assertThat(request.getHeader("Impersonate-Group"))
                .as("the API server adds a ServiceAccount's groups itself")
                .isNull();
    }

    @Test
    void withoutAServiceAccountTheReconcilersOwnClientImpersonatesNobody() throws Exception {
        ImpersonatingClients clients = new ImpersonatingClients(own);

        assertThat(clients.as(null)).isSameAs(own);
        read(clients.as(null));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Impersonate-User"))
                .isNull();
    }

    @Test
    void eachServiceAccountKeepsOneClient() throws Exception {
        ImpersonatingClients clients = new ImpersonatingClients(own);

        assertThat(clients.as(DEPLOYER)).isSameAs(clients.as(DEPLOYER));
        read(clients.as("system:serviceaccount:team-b:deployer"));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Impersonate-User"))
                .isEqualTo("system:serviceaccount:team-b:deployer");
    }

    @Test
    void clientsDroppedForNewerServiceAccountsLeaveTheSharedConnectionsOpen() throws Exception {
        ImpersonatingClients clients = new ImpersonatingClients(own, 2);
        for (int i = 0; i < 5; i++) {
            read(clients.as("system:serviceaccount:team-" + i + ":deployer"));
        }

        read(clients.as("system:serviceaccount:team-0:deployer"));
        read(own);

        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    private static void read(KubernetesClient client) {
        assertThat(client.configMaps()
                        .inNamespace("team-a")
                        .withName("settings")
                        .get())
                .isNotNull();
    }
}
