package dev.plumbline.notifier.messaging;

import dev.plumbline.events.NotificationDeadLettered;
import dev.plumbline.events.NotificationSent;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventSerializer;
import dev.plumbline.notifier.delivery.DeliveryRecords;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes delivery outcomes with a plain producer and waits for the broker's acknowledgement, because the offsets
 * of the source events may be committed only once the outcome is safely written.
 */
@ApplicationScoped
public class KafkaDeliveryRecords implements DeliveryRecords {

    private static final long WRITE_TIMEOUT_SECONDS = 15;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    private volatile KafkaProducer<String, PlumblineEvent> producer;

    @Override
    public void sent(NotificationSent sent) throws Exception {
        write(sent);
    }

    @Override
    public void deadLettered(NotificationDeadLettered deadLetter) throws Exception {
        write(deadLetter);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void write(PlumblineEvent event) throws Exception {
        producer()
                .send(new ProducerRecord<>(event.topic(), event.key(), event))
                .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized KafkaProducer<String, PlumblineEvent> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaSettings.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "plumbline-notifier-records");
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TimeUnit.SECONDS.toMillis(WRITE_TIMEOUT_SECONDS));
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(settings, new StringSerializer(), new EventSerializer());
        }
        return producer;
    }
}
