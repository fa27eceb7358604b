package dev.plumbline.events.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineEvent;
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
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                        .as(topic.name())
                        .isEqualTo(topic.cleanupPolicy().configValue());
                assertThat(kafka.describe(topic.name()).partitions())
                        .as(topic.name())
                        .hasSize(topic.partitions());
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

    /**
     * Puts a record no reader understands (an event type from a newer Plumbline) between two events on a topic the
     * service reads, all on one partition so they arrive in that order, and checks the service skips it: the event
     * after it is processed, the event before it is not taken as deleted (the skipped record is no tombstone), the
     * skip is counted in {@code plumbline_unreadable_records_total} for the topic and the service stays ready.
     */
    protected void assertUnreadableRecordIsSkipped(
            PlumblineEvent before, PlumblineEvent after, Predicate<PlumblineEvent> serviceHolds) throws Exception {
        String topic = before.topic();
        try (EventTestClient kafka = new EventTestClient(bootstrapServers())) {
            kafka.ensureTopics(Arrays.stream(PlumblineService.values())
                    .flatMap(writer -> writer.ownedTopics().stream())
                    .filter(spec -> spec.name().equals(topic))
                    .toList());
            kafka.send(before, 0);
            await().atMost(PATIENCE).until(() -> serviceHolds.test(before));
            double skippedBefore = unreadableRecordsCounted(topic);

            kafka.sendUnreadable(
                    topic, 0, before.key(), "{\"type\":\"dev.plumbline.from.the.future\",\"schemaVersion\":1}");
            kafka.send(after, 0);

            await().atMost(PATIENCE).until(() -> serviceHolds.test(after));
            await().atMost(PATIENCE).until(() -> unreadableRecordsCounted(topic) > skippedBefore);
            assertThat(serviceHolds.test(before))
                    .as("the event before the unreadable record still holds")
                    .isTrue();
            HttpResponse<String> ready = get("q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\": \"UP\"").doesNotContain("\"status\": \"DOWN\"");
        }
    }

    /** The unreadable records the service's channels skipped on the topic, as Prometheus reads them. */
    private double unreadableRecordsCounted(String topic) throws IOException, InterruptedException {
        Matcher counted = Pattern.compile(
                        "^plumbline_unreadable_records_total\\{[^}]*topic=\"" + Pattern.quote(topic)
                                + "\"[^}]*} (\\S+)$",
                        Pattern.MULTILINE)
                .matcher(get("q/metrics").body());
        double total = 0;
        while (counted.find()) {
            total += Double.parseDouble(counted.group(1));
        }
        return total;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(root().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
