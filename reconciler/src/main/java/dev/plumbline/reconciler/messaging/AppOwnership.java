package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.reconcile.OwnedApps;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which apps this instance reconciles: those whose key falls on a partition of {@code plumbline.rendered-manifests}
 * assigned to it. Every instance watches every Application, so without this check an instance would reconcile apps
 * whose desired state another instance holds, and write {@code WaitingForRender} over that instance's status.
 */
@ApplicationScoped
@Default
@Identifier("rendered-manifests-rebalance")
public class AppOwnership implements KafkaConsumerRebalanceListener, OwnedApps {

    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private volatile int partitionCount;
    private volatile Consumer<OwnedApps> onGained = ownership -> {};
    private volatile Consumer<Predicate<String>> onLosing = apps -> {};

    @Override
    public void onGained(Consumer<OwnedApps> gained) {
        this.onGained = gained;
    }

    @Override
    public void onLosing(Consumer<Predicate<String>> losing) {
        this.onLosing = losing;
    }

    /** Whether this instance reconciles the app now. */
    @Override
    public boolean owns(String app) {
        int partitions = partitionCount;
        return partitions > 0 && assigned.contains(partitionOf(app, partitions));
    }

    /** The partition Kafka's default partitioner gives a record keyed by the app. */
    static int partitionOf(String app, int partitions) {
        return Utils.toPositive(Utils.murmur2(app.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void onPartitionsAssigned(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitionCount = consumer.partitionsFor(Topics.RENDERED_MANIFESTS).size();
        partitions.forEach(partition -> assigned.add(partition.partition()));
        if (!partitions.isEmpty()) {
            onGained.accept(this);
        }
    }

    @Override
    public void onPartitionsRevoked(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> leaving = new HashSet<>();
        partitions.forEach(partition -> leaving.add(partition.partition()));
        assigned.removeAll(leaving);
        int count = partitionCount;
        if (!leaving.isEmpty() && count > 0) {
            // the consumer rejoins the group, and the partitions move, only once this returns
            onLosing.accept(app -> leaving.contains(partitionOf(app, count)));
        }
    }

    @Override
    public void onPartitionsLost(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
