package dev.plumbline.renderer.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.servicekit.messaging.PartitionReaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads this service's own compacted topic from its beginning, and then follows it, so that the last good render
 * of every app is known: a render failure has to carry it. Renders wait until the topic has been read to where it
 * ended at start-up. It assigns itself every partition (no consumer group): each instance needs the whole topic.
 */
@ApplicationScoped
public class RenderedManifestsHistory {

    private static final Logger LOG = Logger.getLogger(RenderedManifestsHistory.class);
    private static final Duration POLL = Duration.ofMillis(500);

    @Inject
    PartitionReaders readers;

    @Inject
    RenderingService rendering;

    private volatile KafkaConsumer<String, PlumblineEvent> consumer;
    private volatile boolean running;

    void onStart(@Observes StartupEvent start) {
        running = true;
        Thread reader = new Thread(this::read, "plumbline-rendered-manifests-history");
        reader.setDaemon(true);
        reader.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        KafkaConsumer<String, PlumblineEvent> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void read() {
        try (KafkaConsumer<String, PlumblineEvent> reader =
                readers.events("plumbline-renderer-history", largeRecords())) {
            consumer = reader;
            List<TopicPartition> partitions = partitions(reader);
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            boolean loaded = false;
            while (running) {
                for (ConsumerRecord<String, PlumblineEvent> outcome : reader.poll(POLL)) {
                    rendering.lastRenders().accept(outcome.key(), outcome.value());
                }
                if (!loaded && end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue())) {
                    loaded = true;
                    rendering.lastRenders().markLoaded();
                    LOG.debugf("read %s to its end: renders may start", Topics.RENDERED_MANIFESTS);
                }
            }
        } catch (WakeupException stopping) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot read %s; render failures will carry no last good render", Topics.RENDERED_MANIFESTS);
            rendering.lastRenders().markLoaded();
        }
    }

    /** The topic's partitions, once it exists (this service creates it at start-up). */
    private List<TopicPartition> partitions(KafkaConsumer<String, PlumblineEvent> reader) {
        while (running) {
            try {
                List<PartitionInfo> infos = reader.partitionsFor(Topics.RENDERED_MANIFESTS, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
                }
            } catch (TimeoutException notYet) {
                LOG.debugf("%s does not exist yet", Topics.RENDERED_MANIFESTS);
            }
        }
        throw new WakeupException();
    }

    /** A rendered manifest may be as large as the topic allows: a fetch must be able to take one. */
    private static Map<String, Object> largeRecords() {
        return Map.of(
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Topics.LARGE_RECORD_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                Topics.LARGE_RECORD_BYTES);
    }
}
