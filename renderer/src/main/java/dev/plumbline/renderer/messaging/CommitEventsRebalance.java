package dev.plumbline.renderer.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.servicekit.messaging.PartitionReaders;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Keeps the latest commit of each repository with the instance that handles its commit events, so that a new or
 * changed Application renders at once from there. When partitions of {@code commit-events} move to this instance
 * (at start, or from another instance) their history up to the committed offset is read again for the latest
 * commit of each ref; when they move away, their repositories are forgotten, so only their new owner renders them.
 */
@ApplicationScoped
@Identifier("commit-events-rebalance")
public class CommitEventsRebalance implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(CommitEventsRebalance.class);
    private static final Duration POLL = Duration.ofMillis(200);

    @Inject
    PartitionReaders readers;

    @Inject
    RenderingService rendering;

    @Inject
    SpecChanges specChanges;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> until = new HashMap<>();
        partitions.forEach(partition -> until.put(
                partition,
                committed.get(partition) == null ? 0L : committed.get(partition).offset()));
        try (KafkaConsumer<String, PlumblineEvent> history = readers.events("plumbline-renderer-commit-history")) {
            List<TopicPartition> assigned = List.copyOf(partitions);
            history.assign(assigned);
            history.seekToBeginning(assigned);
            while (assigned.stream().anyMatch(partition -> history.position(partition) < until.get(partition))) {
                for (ConsumerRecord<String, PlumblineEvent> event : history.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(event.topic(), event.partition());
                    if (event.offset() < until.get(partition) && event.value() instanceof CommitDetected commit) {
                        SignatureCheck trust = rendering.revisions().record(commit);
                        if (!trust.trusted()) {
                            LOG.warnf(
                                    "ignoring commit event %s of %s %s in the history (claimed source %s, topic %s,"
                                            + " partition %d, offset %d): %s",
                                    commit.after(),
                                    commit.repoUrl(),
                                    commit.ref(),
                                    commit.source(),
                                    event.topic(),
                                    event.partition(),
                                    event.offset(),
                                    trust.problem());
                        }
                    }
                }
            }
            // Applications that arrived before their repository's commits were known render now
            rendering.waitingApplications().forEach(spec -> specChanges.offer(spec.app(), Optional.of(spec)));
        } catch (RuntimeException e) {
            // the next commit event of each repository makes up for it
            LOG.warnf(e, "could not read the history of %s: new Applications wait for their next commit", partitions);
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        int count = consumer.partitionsFor(Topics.COMMIT_EVENTS).size();
        Set<Integer> revoked =
                partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        rendering.revisions().forgetRepositories(repoUrl -> revoked.contains(partitionOf(repoUrl, count)));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    /** The partition Kafka's default partitioner gives a record keyed by the repository URL. */
    static int partitionOf(String repoUrl, int partitions) {
        return Utils.toPositive(Utils.murmur2(repoUrl.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
