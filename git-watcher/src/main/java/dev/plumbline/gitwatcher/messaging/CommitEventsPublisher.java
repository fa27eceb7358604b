package dev.plumbline.gitwatcher.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.gitwatcher.poll.CommitEventsSink;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes commit events and explanations on the {@code commit-events} channel, keyed by repository URL, and waits for
 * the broker's acknowledgement: the caller remembers a ref as announced only once Kafka holds its event.
 */
@ApplicationScoped
public class CommitEventsPublisher implements CommitEventsSink {

    private static final Duration ACK_PATIENCE = Duration.ofSeconds(30);

    @Channel("commit-events")
    MutinyEmitter<PlumblineEvent> emitter;

    /** Publishes the events in order; throws when the broker did not take one of them. */
    @Override
    public void publish(List<PlumblineEvent> events) {
        for (PlumblineEvent event : events) {
            Message<PlumblineEvent> message = Message.of(event)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(event.key())
                            .build());
            emitter.sendMessage(message).await().atMost(ACK_PATIENCE);
        }
    }
}
