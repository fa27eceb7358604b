package dev.plumbline.gitwatcher.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.gitwatcher.poll.CommitEventsSink;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes commit events and explanations on the {@code commit-events} channel, keyed by repository URL, and waits for
 * the broker's acknowledgement: the caller remembers a ref as announced only once Kafka holds its event. Each
 * {@code CommitDetected} is signed with this service's key first (the renderer downloads only what a signed event
 * names); the key is read when the service starts, so a missing one stops it at once with the setting to fix.
 */
@ApplicationScoped
@Startup
public class CommitEventsPublisher implements CommitEventsSink {

    /**
     * Longer than the producer may hold a record (max.block.ms, 60 s, waiting for a broker that is away, then
     * delivery.timeout.ms, 120 s): a send given up on is one the producer no longer holds, so the next fetch does not announce
     * it a second time once the broker is back.
     */
    private static final Duration ACK_PATIENCE = Duration.ofSeconds(190);

    @Channel("commit-events")
    MutinyEmitter<PlumblineEvent> emitter;

    @Inject
    ServiceKeys keys;

    private SigningKey signingKey;

    @PostConstruct
    void readSigningKey() {
        signingKey = keys.signingKey();
    }

    /** Publishes the events in order; throws when the broker did not take one of them. */
    @Override
    public void publish(List<PlumblineEvent> events) {
        for (PlumblineEvent event : events) {
            PlumblineEvent signed = signed(event);
            Message<PlumblineEvent> message = Message.of(signed)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(event.key())
                            .build());
            emitter.sendMessage(message).await().atMost(ACK_PATIENCE);
        }
    }

    /** Everything on the commit-events topic is signed: what to render, and what to show as ignored. */
    private PlumblineEvent signed(PlumblineEvent event) {
        if (event instanceof CommitDetected commit) {
            return commit.signedWith(signingKey);
        }
        if (event instanceof CommitIgnored ignored) {
            return ignored.signedWith(signingKey);
        }
        return event;
    }
}
