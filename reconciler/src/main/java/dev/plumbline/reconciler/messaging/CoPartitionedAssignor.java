package dev.plumbline.reconciler.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * Gives partition {@code p} of every topic of the reconciler's consumer group to one instance: the sync requests and
 * drift alerts of an app reach the instance that holds its desired state from {@code plumbline.rendered-manifests}.
 * Every topic is keyed by app with Kafka's default partitioner, so an app is on the same partition number of each
 * while the topics have equal partition counts (6 unless configured).
 *
 * <p>Each instance runs one consumer per channel, all in the one group; Kafka's own assignors share each topic
 * among that topic's consumers independently, which could send partition 3 of rendered-manifests to one instance
 * and partition 3 of sync-requests to another. This assignor knows which consumers belong to one instance from the
 * instance id each sends with its subscription, and deals out partition numbers to instances, not to consumers.
 */
public class CoPartitionedAssignor implements ConsumerPartitionAssignor, Configurable {

    /** Consumer setting naming the instance; without it, every consumer of this JVM is one instance. */
    public static final String INSTANCE_CONFIG = "plumbline.instance.id";

    private static final String THIS_JVM = UUID.randomUUID().toString();

    private String instance = THIS_JVM;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(INSTANCE_CONFIG);
        if (configured != null && !configured.toString().isBlank()) {
            instance = configured.toString();
        }
    }

    @Override
    public String name() {
        return "plumbline-co-partitioned";
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return ByteBuffer.wrap(instance.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
        Map<String, Subscription> members = new TreeMap<>(group.groupSubscription());
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        Map<String, String> instanceOf = new HashMap<>();
        Set<String> topics = new TreeSet<>();
        members.forEach((member, subscription) -> {
            assigned.put(member, new ArrayList<>());
            instanceOf.put(member, instanceOf(member, subscription));
            topics.addAll(subscription.topics());
        });
        List<String> instances = new ArrayList<>(new TreeSet<>(instanceOf.values()));
        for (String topic : topics) {
            Integer partitions = metadata.partitionCountForTopic(topic);
            if (partitions == null) {
                continue;
            }
            // per instance, its first consumer of this topic (members are sorted)
            Map<String, String> readerOf = new TreeMap<>();
            members.forEach((member, subscription) -> {
                if (subscription.topics().contains(topic)) {
                    readerOf.putIfAbsent(instanceOf.get(member), member);
                }
            });
            List<String> readers =
                    instances.stream().filter(readerOf::containsKey).toList();
            for (int partition = 0; partition < partitions; partition++) {
                // the same instance for partition p of every topic, as long as every instance reads every topic
                String owner = readerOf.containsKey(instances.get(partition % instances.size()))
                        ? instances.get(partition % instances.size())
                        : readers.get(partition % readers.size());
                assigned.get(readerOf.get(owner)).add(new TopicPartition(topic, partition));
            }
        }
        Map<String, Assignment> assignments = new HashMap<>();
        assigned.forEach((member, partitions) -> assignments.put(member, new Assignment(partitions)));
        return new GroupAssignment(assignments);
    }

    private static String instanceOf(String member, Subscription subscription) {
        ByteBuffer data = subscription.userData();
        if (data == null || !data.hasRemaining()) {
            return member;
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
