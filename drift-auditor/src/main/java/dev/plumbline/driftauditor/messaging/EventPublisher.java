package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftOutputs;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventSerializer;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes drift alerts, fights, recoveries, heal requests and audit records on their topics, keyed by app. A plain
 * producer rather than an emitter: the drift loop must not block on Kafka ({@link InOrderSender} publishes for it,
 * and keeps trying while the broker is away), while the audit writer must wait for the broker's acknowledgement
 * before it moves on (so {@link #publishAndWait}).
 */
@ApplicationScoped
public class EventPublisher implements DriftOutputs {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    private KafkaProducer<String, PlumblineEvent> producer;
    private InOrderSender sender;

    @Override
    public void publish(PlumblineEvent event) {
        sender().send(event);
    }

    /** Publishes and waits for the broker to have it; throws when it does not. */
    public void publishAndWait(PlumblineEvent event) {
        try {
            producer()
                    .send(new ProducerRecord<>(event.topic(), event.key(), event))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while writing " + event.type().typeName(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka refused " + event.type().typeName() + " of app " + event.app() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /**
     * Waits, up to {@code patience}, until every event published so far has reached the broker (or was refused for
     * good); says whether all did.
     */
    public boolean flush(Duration patience) {
        return sender().awaitPublished(patience);
    }

    @PreDestroy
    void close() {
        InOrderSender started;
        synchronized (this) {
            started = sender;
        }
        if (started != null) {
            started.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized KafkaProducer<String, PlumblineEvent> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            // every producer setting of the service: the broker's address and the service's credentials
            kafkaSettings.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // a record the producer holds is kept until the broker takes it, however long the broker is away: it
            // never expires to be sent a second time (a duplicate) or dropped (an alert lost)
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(settings, new StringSerializer(), new EventSerializer());
        }
        return producer;
    }

    private synchronized InOrderSender sender() {
        if (sender == null) {
            sender = new InOrderSender(this::producer);
        }
        return sender;
    }
}
