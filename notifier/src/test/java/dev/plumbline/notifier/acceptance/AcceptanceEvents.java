package dev.plumbline.notifier.acceptance;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.application.NotificationSubscription;
import dev.plumbline.events.kafka.EventConsumers;
import dev.plumbline.events.kafka.EventSerializer;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** Applications with subscriptions, and a reader of what the notifier wrote, for the acceptance tests. */
final class AcceptanceEvents {

    private AcceptanceEvents() {}

    /** The sample Application under another name, subscribed to one occasion at one destination. */
    static ApplicationSpec app(
            String name, NotificationOccasion occasion, NotificationChannel channel, String recipient) {
        ApplicationSpec sample = EventSamples.applicationSpec();
        return ApplicationSpec.of(
                name,
                sample.namespace(),
                1,
                sample.sourceSpec(),
                sample.destination(),
                sample.syncPolicy(),
                sample.driftMode(),
                List.of(),
                List.of(new NotificationSubscription(occasion, channel, recipient)),
                null,
                null);
    }

    /** Publishes events as fast as the producer goes, as a burst from the drift-auditor would come. */
    static Duration sendAll(String bootstrapServers, List<? extends PlumblineEvent> events) {
        long start = System.nanoTime();
        try (KafkaProducer<String, PlumblineEvent> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new EventSerializer())) {
            events.forEach(event -> producer.send(new ProducerRecord<>(event.topic(), event.key(), event)));
            producer.flush();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Every event on a topic so far. */
    static List<PlumblineEvent> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, PlumblineEvent> consumer =
                EventConsumers.skippingUnreadable(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<PlumblineEvent> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, PlumblineEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(record.value());
                }
            }
            return events;
        }
    }
}
