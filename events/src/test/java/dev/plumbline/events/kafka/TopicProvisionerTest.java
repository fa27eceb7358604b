package dev.plumbline.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.topic.TopicReplication;
import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsResult;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TopicProvisionerTest {

    private static final Node BROKER = new Node(0, "localhost", 9092);

    private final MockAdminClient admin = new MockAdminClient(List.of(BROKER), BROKER);
    private final TopicProvisioner provisioner = new TopicProvisioner();

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void missingTopicsAreCreatedWithTheirPartitionsAndConfigs() throws Exception {
        ProvisioningResult result = provisioner.ensure(admin, Topics.all());

        assertThat(result.created())
                .containsExactlyElementsOf(
                        Topics.all().stream().map(TopicSpec::name).toList());
        assertThat(partitions(Topics.RENDERED_MANIFESTS)).isEqualTo(6);
        assertThat(config(Topics.RENDERED_MANIFESTS).get("cleanup.policy").value())
                .isEqualTo("compact");
        assertThat(config(Topics.RENDERED_MANIFESTS).get("max.message.bytes").value())
                .isEqualTo("33554432");
    }

    @Test
    void runningAgainChangesNothing() {
        provisioner.ensure(admin, Topics.all());

        ProvisioningResult again = provisioner.ensure(admin, Topics.all());

        assertThat(again.created()).isEmpty();
        assertThat(again.corrected()).isEmpty();
        assertThat(again.warnings()).isEmpty();
        assertThat(again.unchanged()).hasSize(Topics.all().size());
    }

    @Test
    void aTopicWithTheWrongCleanupPolicyIsCorrected() throws Exception {
        admin.createTopics(List.of(
                        new NewTopic(Topics.APPLICATIONS, 6, (short) 1).configs(Map.of("cleanup.policy", "delete"))))
                .all()
                .get();

        ProvisioningResult result = provisioner.ensure(admin, List.of(Topics.spec(Topics.APPLICATIONS, 6)));

        assertThat(result.corrected()).containsExactly(Topics.APPLICATIONS);
        assertThat(config(Topics.APPLICATIONS).get("cleanup.policy").value()).isEqualTo("compact");
    }

    @Test
    void aDifferentPartitionCountIsReportedAndLeftAlone() throws Exception {
        admin.createTopics(List.of(new NewTopic(Topics.AUDIT, 3, (short) 1)
                        .configs(Topics.spec(Topics.AUDIT, 6).topicConfigs())))
                .all()
                .get();

        ProvisioningResult result = provisioner.ensure(admin, List.of(Topics.spec(Topics.AUDIT, 6)));

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains(Topics.AUDIT, "has 3 partitions where 6 are configured");
        assertThat(result.unchanged()).containsExactly(Topics.AUDIT);
        assertThat(partitions(Topics.AUDIT)).isEqualTo(3);
    }

    @Test
    void onThreeBrokersTopicsAreCreatedWithTheConfiguredReplicasAndInSyncReplicas() throws Exception {
        MockAdminClient cluster = threeBrokers();
        TopicProvisioner replicated = new TopicProvisioner(new TopicReplication(3, 2));

        replicated.ensure(cluster, List.of(Topics.spec(Topics.AUDIT, 6)));

        TopicDescription audit = cluster.describeTopics(List.of(Topics.AUDIT))
                .allTopicNames()
                .get()
                .get(Topics.AUDIT);
        assertThat(audit.partitions())
                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUDIT);
        assertThat(cluster.describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("min.insync.replicas")
                        .value())
                .isEqualTo("2");
        cluster.close();
    }

    @Test
    void aTopicWithFewerReplicasThanConfiguredIsWarnedAboutAndLeftAlone() throws Exception {
        MockAdminClient cluster = threeBrokers();
        cluster.createTopics(List.of(new NewTopic(Topics.AUDIT, 6, (short) 1)
                        .configs(Topics.spec(Topics.AUDIT, 6).topicConfigs())))
                .all()
                .get();

        ProvisioningResult result =
                new TopicProvisioner(new TopicReplication(3, 2)).ensure(cluster, List.of(Topics.spec(Topics.AUDIT, 6)));

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains(Topics.AUDIT, "has 1 replicas where 3 are configured", "kafka-reassign-partitions");
        assertThat(cluster.describeTopics(List.of(Topics.AUDIT))
                        .allTopicNames()
                        .get()
                        .get(Topics.AUDIT)
                        .partitions())
                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
        cluster.close();
    }

    @Test
    void aTopicCreatedByAnotherInstanceMeanwhileIsNotAnError() {
        TopicSpec spec = Topics.spec(Topics.SYNC_REQUESTS, 6);
        MockAdminClient racing = new RivalCreatesAfterList(spec);

        ProvisioningResult result = provisioner.ensure(racing, List.of(spec));

        assertThat(result.created()).isEmpty();
        assertThat(result.unchanged()).containsExactly(Topics.SYNC_REQUESTS);
        racing.close();
    }

    private static MockAdminClient threeBrokers() {
        List<Node> brokers = List.of(BROKER, new Node(1, "localhost", 9093), new Node(2, "localhost", 9094));
        return new MockAdminClient(brokers, BROKER);
    }

    private int partitions(String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
    }

    private Config config(String topic) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    /** A broker on which another service instance creates the topic right after this one listed topics. */
    private static final class RivalCreatesAfterList extends MockAdminClient {

        private final TopicSpec spec;

        RivalCreatesAfterList(TopicSpec spec) {
            super(List.of(BROKER), BROKER);
            this.spec = spec;
        }

        @Override
        public synchronized ListTopicsResult listTopics(ListTopicsOptions options) {
            ListTopicsResult before = super.listTopics(options);
            super.createTopics(
                    List.of(new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                            .configs(spec.topicConfigs())),
                    new CreateTopicsOptions());
            return before;
        }
    }
}
