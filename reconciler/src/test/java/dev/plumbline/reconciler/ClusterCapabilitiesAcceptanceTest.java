package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.PATIENCE;
import static dev.plumbline.reconciler.testing.Renders.application;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.Crds;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each Application spec on {@code plumbline.applications} says what the destination cluster is, as read from its
 * API server, so that the renderer templates Helm charts against it; a CRD installed later is published with it.
 */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(ApplicationsCluster.class)
@Tag("slow")
class ClusterCapabilitiesAcceptanceTest extends AcceptanceFixture {

    @Test
    void thePublishedSpecCarriesTheClustersVersionAndACrdInstalledLater() {
        String reported = api.client().getKubernetesVersion().getGitVersion();
        cluster.deploy(application("charted", "charted", null));

        ApplicationSpec first = kafka.awaitRecord(
                Topics.APPLICATIONS,
                PATIENCE,
                ApplicationSpec.class,
                spec -> spec.app().equals("charted") && spec.clusterCapabilities() != null);
        assertThat(first.clusterCapabilities().kubeVersion()).isEqualTo(reported);
        assertThat(first.clusterCapabilities().apiVersions())
                .contains("v1", "apps/v1", "apps/v1/Deployment")
                .doesNotContain("monitoring.coreos.com/v1");

        api.client().resource(Crds.serviceMonitor()).create();

        ApplicationSpec again = kafka.awaitRecord(
                Topics.APPLICATIONS,
                PATIENCE,
                ApplicationSpec.class,
                spec -> spec.app().equals("charted")
                        && spec.clusterCapabilities() != null
                        && spec.clusterCapabilities().apiVersions().contains("monitoring.coreos.com/v1"));
        assertThat(again.clusterCapabilities().apiVersions()).contains("monitoring.coreos.com/v1/ServiceMonitor");
        assertThat(again.clusterCapabilities().kubeVersion()).isEqualTo(reported);
        assertThat(again.generation()).isEqualTo(first.generation());
    }
}
