package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.reconcile.OwnedApps;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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

    @Override
    public void onGained(Consumer<OwnedApps> gained) {
        this.onGained = gained;
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
        partitions.forEach(partition -> assigned.remove(partition.partition()));
    }

    @Override
    public void onPartitionsLost(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }
}
