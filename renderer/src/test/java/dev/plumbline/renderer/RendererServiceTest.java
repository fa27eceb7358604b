package dev.plumbline.renderer;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.testing.ServiceContract;
import dev.plumbline.renderer.messaging.RenderingService;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The renderer service started by Quarkus against the shared in-process broker, through its real Kafka channels. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@Tag("slow")
class RendererServiceTest extends ServiceContract {

    RendererServiceTest() {
        super(PlumblineService.RENDERER);
    }

    @Inject
    ApplicationsListener applications;

    @Inject
    RenderingService rendering;

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

    @Test
    void anUnreadableRecordInTheRenderHistoryIsSkippedAndTheRendersAfterItAreStillKnown() throws Exception {
        assertUnreadableRecordIsSkipped(
                EventSamples.manifestsRendered("history-before"),
                EventSamples.manifestsRendered("history-after"),
                render -> rendering.lastRenders().lastGood(render.app()).isPresent());
    }
}
