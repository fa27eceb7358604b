package dev.plumbline.reconciler.testing;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every acceptance test of the running service starts from: the embedded API ({@link ApplicationsCluster}), the
 * service's {@link Reconciler}, the cluster as {@link LiveCluster} sees it, and a client of the broker on which the
 * topics the reconciler reads (renders, drift, commits) exist, so that a test publishes before the service has created
 * them. A test class extends it and names its resources, the embedded Kafka broker and {@link ApplicationsCluster}; a
 * {@code @BeforeEach} of its own runs after this one. Classes that name them with {@code @WithTestResource} share one
 * application and one cluster (Quarkus starts each only once for them), so their apps, namespaces and projects have
 * names of their own; a class that counts the API's requests or defines a project another class also defines names
 * them with {@code @QuarkusTestResource(restrictToAnnotatedClass = true)} and gets a cluster of its own.
 */
public abstract class AcceptanceFixture {

    @EmbeddedKubeApiResource.Kube
    protected EmbeddedKubeApi api;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    @Inject
    protected Reconciler reconciler;

    protected EventTestClient kafka;
    protected LiveCluster cluster;

    @BeforeEach
    void connect() {
        cluster = new LiveCluster(api, reconciler);
        kafka = new EventTestClient(bootstrapServers);
        kafka.ensureTopics(PlumblineService.RENDERER.ownedTopics());
        kafka.ensureTopics(PlumblineService.DRIFT_AUDITOR.ownedTopics());
        kafka.ensureTopics(PlumblineService.GIT_WATCHER.ownedTopics());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }
}
