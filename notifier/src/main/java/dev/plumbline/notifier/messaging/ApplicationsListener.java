package dev.plumbline.notifier.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalog of Applications (who is told what) current from the {@code applications} channel, and how far
 * it has read, so that start-up can hold messages until every Application's subscriptions are known.
 */
@ApplicationScoped
public class ApplicationsListener {

    private final ApplicationCatalog catalog = new ApplicationCatalog();
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();

    @Incoming("applications")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        catalog.accept(applicationRecord.key(), applicationRecord.value());
        nextOffsets.merge(applicationRecord.partition(), applicationRecord.offset() + 1, Math::max);
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }

    /** Whether the catalog has read each partition up to the given end offset. */
    boolean reached(Map<Integer, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || nextOffsets.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
