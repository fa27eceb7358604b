package dev.plumbline.notifier;

import dev.plumbline.events.EventSamples;
import dev.plumbline.events.NotificationSent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.testing.ServiceContract;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The notifier service started by Quarkus against the shared in-process broker, through its real Kafka channels. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@Tag("slow")
class NotifierServiceTest extends ServiceContract {

    /** How the delivery log names Slack's destination {@code ops}. */
    private static final String DESTINATION = "slack:ops";

    NotifierServiceTest() {
        super(PlumblineService.NOTIFIER);
    }

    @Inject
    ApplicationsListener applications;

    @Inject
    DedupWindow dedup;

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
    void anUnreadableRecordInTheDeliveryLogIsSkippedAndTheDeliveriesAfterItAreStillRemembered() throws Exception {
        assertUnreadableRecordIsSkipped(
                delivered("log-before"),
                delivered("log-after"),
                sent -> dedup.decide(DESTINATION, notification(sent.app()), Instant.now())
                        .isEmpty());
    }

    /** What the delivery log holds once the drift of {@code app} was told on Slack's ops destination. */
    private static NotificationSent delivered(String app) {
        return NotificationSent.of(
                "c",
                app,
                notification(app).dedupKey(),
                NotificationOccasion.DRIFT_DETECTED,
                NotificationChannel.SLACK,
                "ops",
                null,
                List.of(),
                List.of());
    }

    private static Notification notification(String app) {
        return new Notification(
                NotificationOccasion.DRIFT_DETECTED,
                app,
                null,
                "",
                "c",
                Instant.now(),
                List.of(),
                List.of(),
                "",
                Map.of(),
                null,
                1,
                0,
                List.of());
    }
}
