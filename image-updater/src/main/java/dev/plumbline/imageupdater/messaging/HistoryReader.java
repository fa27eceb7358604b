package dev.plumbline.imageupdater.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.servicekit.messaging.PartitionReaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads {@code plumbline.image-events} from its beginning at start into the {@link ImageLedger}: which images were
 * already told per app and which pull requests are open, so a restart neither tells an image again nor opens a second
 * pull request. No image is checked, and the service is not ready, until it has read to the end offsets it found.
 */
@ApplicationScoped
public class HistoryReader {

    private static final Logger LOG = Logger.getLogger(HistoryReader.class);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration RETRY = Duration.ofSeconds(2);

    @Inject
    PartitionReaders readers;

    @Inject
    ImageLedger ledger;

    private final CountDownLatch loaded = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, PlumblineEvent> consumer;
    private volatile boolean stopping;

    void onStart(@Observes StartupEvent start) {
        Thread thread = new Thread(this::run, "plumbline-image-history");
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

    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    /** Waits until the history is read; false when the wait ran out first. */
    public boolean awaitLoaded(Duration patience) throws InterruptedException {
        return loaded.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        while (!stopping) {
            try (KafkaConsumer<String, PlumblineEvent> reader = readers.events("plumbline-image-updater-history")) {
                consumer = reader;
                read(reader);
                return;
            } catch (WakeupException shuttingDown) {
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("cannot read plumbline.image-events yet (%s); trying again", e.getMessage());
                try {
                    stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void read(KafkaConsumer<String, PlumblineEvent> reader) throws InterruptedException {
        List<TopicPartition> partitions = partitions(reader);
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        int read = 0;
        while (!stopping && !partitions.stream().allMatch(p -> reader.position(p) >= end.get(p))) {
            for (ConsumerRecord<String, PlumblineEvent> record : reader.poll(POLL)) {
                if (record.value() != null) {
                    NewsEvents.toNews(record.value()).ifPresent(ledger::record);
                    read++;
                }
            }
        }
        LOG.infof("image history read: %d events", read);
        loaded.countDown();
    }

    /** The topic's partitions, once this service's OwnedTopics has created it. */
    private List<TopicPartition> partitions(KafkaConsumer<String, PlumblineEvent> reader) throws InterruptedException {
        while (!stopping) {
            List<PartitionInfo> infos = reader.partitionsFor(Topics.IMAGE_EVENTS);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(info -> new TopicPartition(Topics.IMAGE_EVENTS, info.partition()))
                        .toList();
            }
            stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return List.of();
    }
}
