package dev.plumbline.reconciler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CoPartitionedAssignorTest {

    private static final String RENDERS = "plumbline.rendered-manifests";
    private static final String REQUESTS = "plumbline.sync-requests";
    private static final String ALERTS = "plumbline.drift-alerts";

    @Test
    void partitionPOfEveryTopicGoesToOneInstanceWhateverTheOrderOfTheConsumers() {
        Map<String, Subscription> members = new HashMap<>();
        // member ids as the broker makes them: the channel's client id and a random suffix, unrelated to the instance
        members.put("renders-9f", subscription("instance-a", RENDERS));
        members.put("requests-01", subscription("instance-a", REQUESTS));
        members.put("alerts-77", subscription("instance-a", ALERTS));
        members.put("renders-1c", subscription("instance-b", RENDERS));
        members.put("requests-ee", subscription("instance-b", REQUESTS));
        members.put("alerts-05", subscription("instance-b", ALERTS));
        members.put("renders-5d", subscription("instance-c", RENDERS));
        members.put("requests-3a", subscription("instance-c", REQUESTS));
        members.put("alerts-b2", subscription("instance-c", ALERTS));

        Map<String, List<TopicPartition>> assigned = assign(members, 6);

        for (int partition = 0; partition < 6; partition++) {
            String renders = ownerOf(assigned, RENDERS, partition, members);
            assertThat(ownerOf(assigned, REQUESTS, partition, members))
                    .as("sync requests of partition " + partition)
                    .isEqualTo(renders);
            assertThat(ownerOf(assigned, ALERTS, partition, members))
                    .as("drift alerts of partition " + partition)
                    .isEqualTo(renders);
        }
        assertThat(assigned.values())
                .allSatisfy(partitions -> assertThat(partitions).hasSize(2));
    }

    @Test
    void aTopicThatOnlySomeInstancesReadIsStillReadWhole() {
        Map<String, Subscription> members = new HashMap<>();
        members.put("renders-1", subscription("instance-a", RENDERS));
        members.put("renders-2", subscription("instance-b", RENDERS));
        members.put("requests-2", subscription("instance-b", REQUESTS));

        Map<String, List<TopicPartition>> assigned = assign(members, 6);

        assertThat(assigned.get("requests-2")).hasSize(6);
        assertThat(assigned.get("renders-1")).hasSize(3);
        assertThat(assigned.get("renders-2")).hasSize(3);
    }

    @Test
    void theInstanceIdTravelsWithTheSubscription() {
        CoPartitionedAssignor assignor = new CoPartitionedAssignor();
        assignor.configure(Map.of(CoPartitionedAssignor.INSTANCE_CONFIG, "pod-7"));

        ByteBuffer data = assignor.subscriptionUserData(Set.of(RENDERS));

        assertThat(StandardCharsets.UTF_8.decode(data).toString()).isEqualTo("pod-7");
    }

    private static Map<String, List<TopicPartition>> assign(Map<String, Subscription> members, int partitions) {
        Node broker = new Node(0, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        for (String topic : List.of(RENDERS, REQUESTS, ALERTS)) {
            IntStream.range(0, partitions)
                    .forEach(p ->
                            infos.add(new PartitionInfo(topic, p, broker, new Node[] {broker}, new Node[] {broker})));
        }
        Cluster cluster = new Cluster("test", List.of(broker), infos, Set.of(), Set.of());
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        new CoPartitionedAssignor()
                .assign(cluster, new GroupSubscription(members))
                .groupAssignment()
                .forEach((member, assignment) -> assigned.put(member, assignment.partitions()));
        return assigned;
    }

    private static String ownerOf(
            Map<String, List<TopicPartition>> assigned,
            String topic,
            int partition,
            Map<String, Subscription> members) {
        TopicPartition wanted = new TopicPartition(topic, partition);
        String member = assigned.entrySet().stream()
                .filter(entry -> entry.getValue().contains(wanted))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        ByteBuffer data = members.get(member).userData();
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }

    private static Subscription subscription(String instance, String topic) {
        return new Subscription(List.of(topic), ByteBuffer.wrap(instance.getBytes(StandardCharsets.UTF_8)));
    }
}
