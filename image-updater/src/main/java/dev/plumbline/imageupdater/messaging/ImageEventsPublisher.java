package dev.plumbline.imageupdater.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.imageupdater.promote.ImageNews;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the promotion core's news on {@code plumbline.image-events}, keyed by app, and waits for the broker: the
 * ledger remembers a piece of news as told only once Kafka holds it, so a failed send is retried, never lost.
 */
@ApplicationScoped
public class ImageEventsPublisher implements ImageNews.Sink {

    /**
     * Longer than the producer may hold a record (max.block.ms, 60 s, waiting for a broker that is away, then
     * delivery.timeout.ms, 120 s): a send given up on is one the producer no longer holds, so the retry does not announce
     * it a second time once the broker is back.
     */
    private static final Duration ACK_PATIENCE = Duration.ofSeconds(190);

    @Channel("image-events")
    MutinyEmitter<PlumblineEvent> emitter;

    @Override
    public void tell(ImageNews news) {
        PlumblineEvent event = NewsEvents.toEvent(news);
        Message<PlumblineEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(news.key().app())
                        .build());
        emitter.sendMessage(message).await().atMost(ACK_PATIENCE);
    }
}
