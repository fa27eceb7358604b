package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.reconcile.OwnedApps;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Which apps this instance reconciles: those whose key falls on a partition of {@code plumbline.rendered-manifests}
 * assigned to it. Every instance watches every Application, so without this check an instance would reconcile apps
 * whose desired state another instance holds, and write {@code WaitingForRender} over that instance's status.
 *
 * <p>A partition gained is read again from its beginning (no offsets are committed), oldest render first. Until the
 * channel has read it up to the end offset it had at assignment, the partition is being read back: its apps are not
 * this instance's to reconcile yet ({@link #readingBack}), so no render older than an app's newest is ever applied.
 * Once every gained partition is read back, the gained apps are reconciled, from their newest renders.
 */
@ApplicationScoped
@Default
@Identifier("rendered-manifests-rebalance")
public class AppOwnership implements KafkaConsumerRebalanceListener, OwnedApps {

    private static final Logger LOG = Logger.getLogger(AppOwnership.class);
    /**
     * How long a read-back may go without a record before it is taken as done: the last records before the end offset
     * may be ones the channel skips as unreadable, which never reach {@link #read}.
     */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Partitions being read back, with the end offset each had at assignment. */
    private final ConcurrentHashMap<Integer, Long> readBackUntil = new ConcurrentHashMap<>();

    private final ScheduledExecutorService quietCheck = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rendered-manifests-read-back");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastProgress = System.nanoTime();

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
        return partitions > 0 && assigned.contains(partitionOf(app, partitions)) && !readingBack(app);
    }

    /** Whether the app's partition is this instance's but not yet read up to where it stood at assignment. */
    @Override
    public boolean readingBack(String app) {
        int partitions = partitionCount;
        return partitions > 0 && readBackUntil.containsKey(partitionOf(app, partitions));
    }

    /**
     * Hears that the channel has taken the record at {@code offset} of {@code partition} into the desired state; the
     * partition is read back once that record is the last one it had at assignment.
     */
    public void read(int partition, long offset) {
        Long until = readBackUntil.get(partition);
        lastProgress = System.nanoTime();
        if (until != null && offset + 1 >= until && readBackUntil.remove(partition, until)) {
            LOG.infof("read partition %d of %s back up to offset %d", partition, Topics.RENDERED_MANIFESTS, offset);
            gainedIfReadBack();
        }
    }

    /** The partition Kafka's default partitioner gives a record keyed by the app. */
    static int partitionOf(String app, int partitions) {
        return Utils.toPositive(Utils.murmur2(app.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void onPartitionsAssigned(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitionCount = consumer.partitionsFor(Topics.RENDERED_MANIFESTS).size();
        readBackUntil.clear();
        lastProgress = System.nanoTime();
        if (!partitions.isEmpty()) {
            rememberEnds(consumer, partitions);
        }
        partitions.forEach(partition -> assigned.add(partition.partition()));
        if (!partitions.isEmpty()) {
            gainedIfReadBack();
        }
    }

    /** Notes which gained partitions hold records the channel has not read yet, and up to where they do now. */
    private void rememberEnds(
            org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        try {
            var ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                if (consumer.position(partition) < end) {
                    readBackUntil.put(partition.partition(), end);
                }
            }
        } catch (RuntimeException e) {
            readBackUntil.clear();
            LOG.warnf(
                    "could not read the end offsets of %s (%s): its apps are reconciled at once, possibly from an"
                            + " older render until the newest is read",
                    partitions, e.getMessage());
        }
    }

    /** Ends a read-back that has read nothing for {@link #QUIET_NANOS}, so its apps are not held for ever. */
    void endQuietReadBack(long now) {
        if (!readBackUntil.isEmpty() && now - lastProgress > QUIET_NANOS) {
            LOG.warnf(
                    "partitions %s of %s read no record for %d s before their end offsets at assignment %s (the last"
                            + " ones unreadable, or the broker away): their apps are reconciled from the renders read",
                    readBackUntil.keySet(),
                    Topics.RENDERED_MANIFESTS,
                    TimeUnit.NANOSECONDS.toSeconds(QUIET_NANOS),
                    readBackUntil.values());
            readBackUntil.clear();
            gainedIfReadBack();
        }
    }

    @PostConstruct
    void start() {
        quietCheck.scheduleWithFixedDelay(() -> endQuietReadBack(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        quietCheck.shutdownNow();
    }

    private void gainedIfReadBack() {
        if (readBackUntil.isEmpty()) {
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
