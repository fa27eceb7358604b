package dev.plumbline.servicekit.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.topic.Topics;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class OwnedTopicsTest {

    @Test
    void aServiceWithNoReplicationSettingsCreatesTopicsWithThreeReplicasAndTwoInSync() {
        NewTopic topic = OwnedTopics.provisioner(settings(Map.of()).topics())
                .newTopic(Topics.spec(Topics.NOTIFICATIONS_DEAD_LETTER, 6));

        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aSingleBrokerRunCreatesTopicsWithOneReplicaAndOneInSync() {
        NewTopic topic = OwnedTopics.provisioner(settings(Map.of(
                                "plumbline.topics.replication-factor", "1",
                                "plumbline.topics.min-insync-replicas", "1"))
                        .topics())
                .newTopic(Topics.spec(Topics.NOTIFICATIONS_DEAD_LETTER, 6));

        assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
    }

    @Test
    void moreInSyncReplicasThanReplicasFailsStartNamingBothSettings() {
        ServiceSettings.Topics impossible = settings(Map.of(
                        "plumbline.topics.replication-factor", "1",
                        "plumbline.topics.min-insync-replicas", "2"))
                .topics();

        assertThatThrownBy(() -> OwnedTopics.provisioner(impossible))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plumbline.topics.replication-factor=1")
                .hasMessageContaining("plumbline.topics.min-insync-replicas=2")
                .hasMessageContaining("a single broker needs 1 and 1");
    }

    static ServiceSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("plumbline.service", "notifier");
        all.put("plumbline.instance", "notifier-1");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ServiceSettings.class)
                .withSources(new PropertiesConfigSource(all, "test", 400))
                .build();
        return config.getConfigMapping(ServiceSettings.class);
    }
}
