package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.OwnedApps;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/**
 * Which apps are this instance's, by the partitions its consumer group gave it: an app is on the partition Kafka's
 * default partitioner puts its key on. Written by the rebalance listener, read by the drift rules.
 */
@Singleton
public final class Ownership implements OwnedApps {

    private volatile Set<Integer> partitions = Set.of();
    private volatile int partitionCount = 1;

    /** The partition of an app's key among {@code count}, as Kafka's producers place it. */
    public static int partitionOf(String app, int count) {
        return Utils.toPositive(Utils.murmur2(app.getBytes(StandardCharsets.UTF_8))) % count;
    }

    public void assigned(Set<Integer> assigned, int count) {
        partitionCount = count;
        partitions = Set.copyOf(assigned);
    }

    @Override
    public boolean owns(String app) {
        return partitions.contains(partitionOf(app, partitionCount));
    }

    public int partitionCount() {
        return partitionCount;
    }
}
