package dev.plumbline.reconciler;

import static org.awaitility.Awaitility.await;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.testing.ServiceContract;
import dev.plumbline.reconciler.messaging.RenderedManifestsListener;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The reconciler service started by Quarkus against the shared in-process broker, through its real Kafka channels. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@Tag("slow")
class ReconcilerServiceTest extends ServiceContract {

    ReconcilerServiceTest() {
        super(PlumblineService.RECONCILER);
    }

    @Inject
    RenderedManifestsListener renders;

    @Test
    void aRenderPublishedByTheRendererBecomesTheAppsDesiredState() {
        try (EventTestClient kafka = new EventTestClient(bootstrapServers())) {
            kafka.ensureTopics(PlumblineService.RENDERER.ownedTopics());
            ManifestsRendered render = EventSamples.manifestsRendered();

            kafka.send(render);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> renders.desiredState()
                            .get(render.app())
                            .flatMap(state -> state.rendered())
                            .filter(render::equals)
                            .isPresent());
        }
    }

    @Test
    void anUnreadableRecordOnTheRenderedManifestsTopicIsSkippedAndDeletesNoDesiredState() throws Exception {
        assertUnreadableRecordIsSkipped(
                EventSamples.manifestsRendered("unreadable-before"),
                EventSamples.manifestsRendered("unreadable-after"),
                render -> renders.desiredState()
                        .get(render.app())
                        .flatMap(state -> state.rendered())
                        .isPresent());
    }
}
