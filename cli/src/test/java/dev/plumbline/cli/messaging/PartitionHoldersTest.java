package dev.plumbline.cli.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionHoldersTest {

    @Test
    void anAppsPartitionIsTheOneTheProducerChoosesForItsKey() {
        for (String app : List.of("shop", "web", "api", "a-daemonset", "tenant-a-payments", "ünïcode")) {
            assertThat(PartitionHolders.partitionOf(app, 6))
                    .as(app)
                    .isEqualTo(BuiltInPartitioner.partitionForKey(app.getBytes(StandardCharsets.UTF_8), 6));
        }
    }

    @Test
    void theHolderIsTheInstanceAfterTheFirstAtOfItsClientId() {
        ConsumerGroupDescription group = group(
                GroupState.STABLE,
                member("rendered-manifests@reconciler-1", 0, 1, 2),
                member("rendered-manifests@pod@zone-b", 3, 4, 5));

        assertThat(PartitionHolders.holderOf("reconciler", group, 1).describe()).isEqualTo("reconciler-1");
        assertThat(PartitionHolders.holderOf("reconciler", group, 4).describe()).isEqualTo("pod@zone-b");
    }

    @Test
    void twoInstancesHoldingThePartitionOnDifferentTopicsAreBothNamed() {
        ConsumerGroupDescription group = group(
                GroupState.STABLE,
                member("drift-alerts@notifier-1", "plumbline.drift-alerts", 2),
                member("audit@notifier-2", "plumbline.audit", 2));

        assertThat(PartitionHolders.holderOf("notifier", group, 2).describe())
                .isEqualTo("notifier-1 (plumbline.drift-alerts), notifier-2 (plumbline.audit)");
    }

    @Test
    void noHolderIsUnknownAndSaysWhetherTheGroupIsSettling() {
        assertThat(PartitionHolders.holderOf(
                                "reconciler",
                                group(GroupState.PREPARING_REBALANCE, member("rendered-manifests@reconciler-1")),
                                3)
                        .describe())
                .isEqualTo("unknown (no member of plumbline-test holds partition 3; the group is preparing rebalance)");
        assertThat(PartitionHolders.holderOf("reconciler", group(GroupState.EMPTY), 3)
                        .describe())
                .isEqualTo("unknown (no instance is in plumbline-test)");
    }

    @Test
    void aClientIdThatNamesNoInstanceIsShownAsItIs() {
        ConsumerGroupDescription group = group(GroupState.STABLE, member("kafka-consumer-rendered-manifests", 0));

        assertThat(PartitionHolders.holderOf("reconciler", group, 0).describe())
                .isEqualTo("kafka-consumer-rendered-manifests (its client id names no instance)");
    }

    private static ConsumerGroupDescription group(GroupState state, MemberDescription... members) {
        return new ConsumerGroupDescription(
                "plumbline-test",
                false,
                List.of(members),
                "range",
                GroupType.CLASSIC,
                state,
                Node.noNode(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    private static MemberDescription member(String clientId, int... partitions) {
        return member(clientId, "plumbline.rendered-manifests", partitions);
    }

    private static MemberDescription member(String clientId, String topic, int... partitions) {
        Set<TopicPartition> held = new HashSet<>();
        for (int partition : partitions) {
            held.add(new TopicPartition(topic, partition));
        }
        return new MemberDescription(
                clientId + "-member",
                Optional.empty(),
                clientId,
                "/127.0.0.1",
                new MemberAssignment(held),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
