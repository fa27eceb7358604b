package dev.plumbline.notifier.messaging;

import dev.plumbline.events.NotificationSent;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.servicekit.messaging.PartitionReaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Rebuilds the dedup window from the delivery log: at start-up it reads the last window of
 * {@code plumbline.notifications} (every partition, whoever wrote it), then keeps reading, so that an instance
 * that takes over another's apps after a rebalance also knows what that one told. It also notes where the
 * applications topic ended at start-up, for the {@link StartupGate}.
 */
@ApplicationScoped
public class DeliveryLogReader {

    private static final Logger LOG = Logger.getLogger(DeliveryLogReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

    @Inject
    PartitionReaders readers;

    @Inject
    NotifierConfig config;

    @Inject
    DedupWindow dedup;

    @Inject
    StartupGate gate;

    private volatile KafkaConsumer<String, PlumblineEvent> consumer;
    private volatile boolean stopping;
    /** Counted down at shutdown, so a wait for Kafka or for the topic ends at once instead of at its timeout. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Thread thread;

    void onStart(@Observes StartupEvent start) {
        thread = new Thread(this::run, "plumbline-delivery-log");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        stopped.countDown();
        KafkaConsumer<String, PlumblineEvent> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Kafka away at start-up or later: read again from the window's start once it answers. */
    private void run() {
        while (!stopping) {
            try {
                readLog();
                return;
            } catch (WakeupException shuttingDown) {
                LOG.debug("delivery log reader stopped");
                return;
            } catch (RuntimeException e) {
                LOG.warnf(
                        "cannot read the delivery log yet (%s); trying again",
                        e.getClass().getSimpleName());
                try {
                    stopped.await(TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void readLog() {
        try (KafkaConsumer<String, PlumblineEvent> reader = readers.events("plumbline-notifier-delivery-log")) {
            consumer = reader;
            gate.catalogEndsAt(endOffsets(reader, Topics.APPLICATIONS, false));
            List<TopicPartition> partitions = partitions(reader, Topics.NOTIFICATIONS, true);
            reader.assign(partitions);
            seekToWindowStart(reader, partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            boolean loaded = false;
            while (!stopping) {
                for (ConsumerRecord<String, PlumblineEvent> record : reader.poll(POLL)) {
                    if (record.value() instanceof NotificationSent sent) {
                        dedup.record(
                                sent.channel().label() + ":" + sent.destination(),
                                sent.dedupKey(),
                                sent.objects(),
                                sent.time());
                    }
                }
                if (!loaded && partitions.stream().allMatch(p -> reader.position(p) >= end.get(p))) {
                    loaded = true;
                    gate.deliveryLogLoaded();
                    LOG.infof("delivery log read: %d recent notifications remembered", dedup.size());
                }
            }
        }
    }

    private void seekToWindowStart(KafkaConsumer<String, PlumblineEvent> reader, List<TopicPartition> partitions) {
        long since = Instant.now().minus(config.dedup().window()).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> starts =
                reader.offsetsForTimes(partitions.stream().collect(Collectors.toMap(p -> p, p -> since)));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            if (start == null) {
                reader.seekToEnd(List.of(partition));
            } else {
                reader.seek(partition, start.offset());
            }
        }
    }

    private Map<Integer, Long> endOffsets(KafkaConsumer<String, PlumblineEvent> reader, String topic, boolean wait) {
        Map<Integer, Long> ends = new HashMap<>();
        reader.endOffsets(partitions(reader, topic, wait)).forEach((p, offset) -> ends.put(p.partition(), offset));
        return ends;
    }

    /** The topic's partitions; with {@code wait}, waits for the topic to be created (by this service's bootstrap). */
    private List<TopicPartition> partitions(KafkaConsumer<String, PlumblineEvent> reader, String topic, boolean wait) {
        while (true) {
            List<PartitionInfo> infos = reader.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
            }
            if (!wait || stopping) {
                return List.of();
            }
            try {
                stopped.await(TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }
}
