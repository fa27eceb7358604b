package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.OperationalAnnotations;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.sandbox.kafka.RestartableKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A sync that runs while the broker is away (stopped for 35 s, then started again on the same port and data): its
 * apply actions, which the audit trail and the notifier read, are on their topic once the broker is back, once.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
@Tag("outage")
class BrokerOutageTest extends AcceptanceFixture {

    private static final Duration OUTAGE = Duration.ofSeconds(35);

    @RestartableKafkaResource.Broker
    RestartableKafkaResource.Handle broker;

    @Test
    void theApplyActionsOfASyncWhileTheBrokerIsAwayArePublishedOnceWhenItIsBack() {
        String app = "broker-outage";
        cluster.deploy(app, null);
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));
        cluster.awaitStatus(app, s -> s.sync != null && "rev1".equals(s.sync.revision));

        broker.stop();
        Instant stopped = Instant.now();
        api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .withName(app)
                .edit(application -> {
                    Map<String, String> annotations = new HashMap<>();
                    if (application.getMetadata().getAnnotations() != null) {
                        annotations.putAll(application.getMetadata().getAnnotations());
                    }
                    annotations.put(OperationalAnnotations.SYNC_REQUESTED_AT, "t1");
                    annotations.put(OperationalAnnotations.SYNC_REQUESTED_BY, "ana");
                    application.getMetadata().setAnnotations(annotations);
                    return application;
                });
        cluster.awaitConfigMap(app, "settings", map -> "v".equals(map.getData().get("k")));
        await().atMost(OUTAGE.plusSeconds(10))
                .until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
        broker.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> applyActionsOf(app) > 0);
        assertThat(applyActionsOf(app)).isEqualTo(1);
    }

    /** How many apply actions of {@code app} the topic holds, read from its beginning to its end. */
    private long applyActionsOf(String app) {
        try (EventTestClient client = new EventTestClient(broker.bootstrapServers())) {
            return client.count(
                    Topics.APPLY_ACTIONS,
                    ApplyAction.class,
                    action -> action.app().equals(app));
        }
    }
}
