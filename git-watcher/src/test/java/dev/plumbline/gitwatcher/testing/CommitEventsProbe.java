package dev.plumbline.gitwatcher.testing;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventConsumers;
import dev.plumbline.events.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/** Reads {@code plumbline.commit-events} from the real broker, as the renderer would, and keeps every record. */
public final class CommitEventsProbe implements AutoCloseable {

    private final KafkaConsumer<String, PlumblineEvent> consumer;
    private final List<ConsumerRecord<String, PlumblineEvent>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public CommitEventsProbe(String bootstrapServers) {
        consumer = EventConsumers.skippingUnreadable(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
        consumer.subscribe(List.of(Topics.COMMIT_EVENTS));
        poller = new Thread(this::poll, "commit-events-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (WakeupException closing) {
            // close() wakes the poller up to stop it
        } finally {
            consumer.close();
        }
    }

    /** The commit events of a repository so far, keyed by its URL as the record key. */
    public List<CommitDetected> detected(String repoUrl) {
        return records.stream()
                .filter(r -> repoUrl.equals(r.key()))
                .map(ConsumerRecord::value)
                .filter(CommitDetected.class::isInstance)
                .map(CommitDetected.class::cast)
                .toList();
    }

    public List<CommitIgnored> ignored(String repoUrl) {
        return records.stream()
                .filter(r -> repoUrl.equals(r.key()))
                .map(ConsumerRecord::value)
                .filter(CommitIgnored.class::isInstance)
                .map(CommitIgnored.class::cast)
                .toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            // an interrupted close leaves the poller to end on its own; the caller still sees the interrupt
            Thread.currentThread().interrupt();
        }
    }
}
