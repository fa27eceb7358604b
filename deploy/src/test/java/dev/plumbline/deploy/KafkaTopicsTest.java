package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.deploy.StrimziTypes.KafkaNodePool;
import dev.plumbline.deploy.StrimziTypes.KafkaTopic;
import dev.plumbline.deploy.StrimziTypes.ProcessRole;
import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Strimzi overlay's Kafka serves Plumbline's topics exactly as the services would create them. */
class KafkaTopicsTest {

    @Test
    void theKafkaTopicsAreExactlyTheTopicsOfTheDesignWithTheirPartitionsCleanupPoliciesAndSettings() {
        Map<String, TopicSpec> expected = Topics.all().stream()
                .collect(Collectors.toMap(TopicSpec::name, spec -> spec, (a, b) -> a, TreeMap::new));
        List<KafkaTopic> topics = Overlay.STRIMZI
                .render()
                .ofKind("KafkaTopic")
                .map(object -> StrimziTypes.parse(object, KafkaTopic.class))
                .toList();

        assertThat(topics.stream().map(topic -> topic.spec().topicName()))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (KafkaTopic topic : topics) {
            TopicSpec spec = expected.get(topic.spec().topicName());
            Map<String, String> config = new TreeMap<>();
            topic.spec().config().forEach((key, value) -> config.put(key, String.valueOf(value)));

            assertThat(topic.spec().partitions()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(config).as(spec.name()).isEqualTo(new TreeMap<>(spec.topicConfigs()));
            assertThat(topic.metadata().labels()).containsEntry("strimzi.io/cluster", "plumbline");
        }
    }

    @Test
    void kafkaRunsInKraftModeOnANodePoolOfControllersAndBrokersThatTakeTheLargestRecords() {
        var kafka = StrimziTypes.parse(Overlay.STRIMZI.render().named("Kafka", "plumbline"), StrimziTypes.Kafka.class);
        List<KafkaNodePool> pools = Overlay.STRIMZI
                .render()
                .ofKind("KafkaNodePool")
                .map(object -> StrimziTypes.parse(object, KafkaNodePool.class))
                .toList();

        assertThat(pools)
                .isNotEmpty()
                .allSatisfy(
                        pool -> assertThat(pool.metadata().labels()).containsEntry("strimzi.io/cluster", "plumbline"));
        assertThat(pools.stream().flatMap(pool -> pool.spec().roles().stream()))
                .contains(ProcessRole.controller, ProcessRole.broker);
        assertThat(kafka.spec().entityOperator().topicOperator())
                .as("the topic operator makes the topics")
                .isNotNull();
        assertThat(Long.parseLong(String.valueOf(kafka.spec().kafka().config().get("message.max.bytes"))))
                .isGreaterThanOrEqualTo(Topics.LARGE_RECORD_BYTES);
        assertThat(Long.parseLong(String.valueOf(kafka.spec().kafka().config().get("replica.fetch.max.bytes"))))
                .isGreaterThanOrEqualTo(Topics.LARGE_RECORD_BYTES);
    }

    @Test
    void theServicesBootstrapFromTheStrimziClustersPlainListener() {
        var kafka = StrimziTypes.parse(Overlay.STRIMZI.render().named("Kafka", "plumbline"), StrimziTypes.Kafka.class);
        var listener = kafka.spec().kafka().listeners().stream()
                .filter(l -> !l.tls())
                .findFirst()
                .orElseThrow();
        ConfigMap bootstrap = Overlay.STRIMZI.render().typed("ConfigMap", "plumbline-kafka", ConfigMap.class);

        assertThat(bootstrap.getData())
                .containsEntry(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "plumbline-kafka-bootstrap." + kafka.metadata().namespace() + ".svc:" + listener.port());
    }
}
