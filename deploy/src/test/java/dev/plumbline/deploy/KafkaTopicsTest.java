package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.deploy.StrimziTypes.KafkaNodePool;
import dev.plumbline.deploy.StrimziTypes.KafkaTopic;
import dev.plumbline.deploy.StrimziTypes.ProcessRole;
import dev.plumbline.events.topic.TopicReplication;
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
            Map<String, String> replicated = new TreeMap<>(spec.topicConfigs());
            // what a service creates with its default plumbline.topics.* settings (service-kit's ServiceSettings)
            replicated.put(TopicReplication.MIN_INSYNC_REPLICAS_CONFIG, "2");
            assertThat(config).as(spec.name()).isEqualTo(replicated);
            assertThat(topic.spec().replicas()).as(spec.name()).isEqualTo(3);
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
    void theServicesBootstrapFromTheStrimziClustersOnlyListenerWhichIsTlsWithScramUsersAndAcls() {
        var kafka = StrimziTypes.parse(Overlay.STRIMZI.render().named("Kafka", "plumbline"), StrimziTypes.Kafka.class);
        ConfigMap settings = Overlay.STRIMZI.render().typed("ConfigMap", "plumbline-kafka", ConfigMap.class);

        assertThat(kafka.spec().kafka().listeners())
                .as("one listener, no plain one left")
                .singleElement()
                .satisfies(listener -> {
                    assertThat(listener.tls()).isTrue();
                    assertThat(listener.authentication().type()).isEqualTo("scram-sha-512");
                    assertThat(settings.getData())
                            .containsEntry(
                                    "KAFKA_BOOTSTRAP_SERVERS",
                                    "plumbline-kafka-bootstrap."
                                            + kafka.metadata().namespace() + ".svc:" + listener.port());
                });
        assertThat(kafka.spec().kafka().authorization().type()).isEqualTo("simple");
        assertThat(kafka.spec().kafka().authorization().superUsers())
                .as("no principal of the bus is a super user")
                .isNullOrEmpty();
        assertThat(settings.getData())
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    }

    @Test
    void onlyPlumblinesPodsMayReachTheBrokersListener() {
        var kafka = StrimziTypes.parse(Overlay.STRIMZI.render().named("Kafka", "plumbline"), StrimziTypes.Kafka.class);

        assertThat(kafka.spec().kafka().listeners())
                .allSatisfy(listener -> assertThat(listener.networkPolicyPeers())
                        .as("an empty list of peers lets everyone in")
                        .singleElement()
                        .satisfies(peer -> {
                            assertThat(peer.getIpBlock()).isNull();
                            assertThat(peer.getNamespaceSelector().getMatchLabels())
                                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "plumbline"));
                            assertThat(peer.getPodSelector().getMatchLabels())
                                    .isEqualTo(Map.of("app.kubernetes.io/part-of", "plumbline"));
                        }));
    }

    @Test
    void theUserOperatorKeepsTheKafkaUsersAndTheirSecretsInPlumblinesNamespaceUnderTheBasesNames() {
        var kafka = StrimziTypes.parse(Overlay.STRIMZI.render().named("Kafka", "plumbline"), StrimziTypes.Kafka.class);
        var userOperator = kafka.spec().entityOperator().userOperator();

        assertThat(userOperator.watchedNamespace()).isEqualTo("plumbline");
        for (PlumblineService service : PlumblineService.values()) {
            assertThat(KafkaCredentialsTest.kafkaSecret(Overlay.STRIMZI, service))
                    .as("the Secret the User Operator writes for KafkaUser %s", service)
                    .isEqualTo(userOperator.secretPrefix() + service.id());
        }
    }
}
