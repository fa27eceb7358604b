package dev.plumbline.driftauditor;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.testing.ServiceContract;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The drift-auditor service started by Quarkus against the shared in-process broker, through its real Kafka channels. */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(EmbeddedKubeApiResource.class)
@Tag("slow")
class DriftAuditorServiceTest extends ServiceContract {

    DriftAuditorServiceTest() {
        super(PlumblineService.DRIFT_AUDITOR);
    }

    @Inject
    ApplicationsListener applications;

    @Test
    void anApplicationPublishedByTheReconcilerIsKnownUntilItsTombstone() {
        assertApplicationsReachTheService(app -> applications.catalog().get(app).isPresent());
    }

    @Test
    void anUnreadableRecordOnTheApplicationsTopicIsSkippedAndDeletesNothing() throws Exception {
        assertUnreadableRecordIsSkipped(
                EventSamples.applicationSpec("unreadable-before"),
                EventSamples.applicationSpec("unreadable-after"),
                spec -> applications.catalog().get(spec.app()).isPresent());
    }
}
