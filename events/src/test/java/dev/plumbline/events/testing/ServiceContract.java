package dev.plumbline.events.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises, checked against the running service and a real broker: the topics it writes
 * exist as the design says, readiness reports the Kafka connection, and metrics are served for Prometheus.
 * Each service's {@code @QuarkusTest} extends it and runs these checks on its own service.
 */
public abstract class ServiceContract {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PlumblineService service;

    protected ServiceContract(PlumblineService service) {
        this.service = service;
    }

    /** The broker the service under test talks to, as its test resource configured it. */
    protected static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The root URL of the service under test, which Quarkus publishes to its tests as {@code test.url}. */
    private static URI root() {
        return URI.create(ConfigProvider.getConfig().getValue("test.url", String.class) + "/");
    }

    @Test
    void theTopicsItWritesAreCreatedAtStartUpWithTheirPartitionsAndCleanupPolicy() {
        assumeFalse(service.ownedTopics().isEmpty(), () -> service.source() + " writes no topic");
        try (EventTestClient kafka = new EventTestClient(bootstrapServers())) {
            for (TopicSpec topic : service.ownedTopics()) {
                await().atMost(PATIENCE).until(() -> kafka.topicNames().contains(topic.name()));
                assertThat(kafka.topicConfig(topic.name(), TopicSpec.CLEANUP_POLICY_CONFIG))
                        .as(topic.name()).isEqualTo(topic.cleanupPolicy().configValue());
                assertThat(kafka.describe(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
            }
        }
    }

    @Test
    void readinessReportsTheKafkaConnectionAsUp() throws Exception {
        HttpResponse<String> ready = get("q/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("Kafka connection health check").contains("\"status\": \"UP\"");
    }

    @Test
    void livenessAndPrometheusMetricsAreServed() throws Exception {
        assertThat(get("q/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    /**
     * Publishes an Application as the reconciler does, then its tombstone, and waits for the service to learn
     * of each through its real channel configuration.
     */
    protected void assertApplicationsReachTheService(Predicate<String> serviceKnowsApp) {
        try (EventTestClient kafka = new EventTestClient(bootstrapServers())) {
            kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
            ApplicationSpec spec = EventSamples.applicationSpec();

            kafka.send(spec);
            await().atMost(PATIENCE).until(() -> serviceKnowsApp.test(spec.app()));

            kafka.sendTombstone(Topics.APPLICATIONS, spec.app());
            await().atMost(PATIENCE).until(() -> !serviceKnowsApp.test(spec.app()));
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(root().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
