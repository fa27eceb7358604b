package dev.plumbline.renderer.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Renders what each commit event affects. The record is acknowledged (its offset committed) only after every
 * outcome is on {@code plumbline.rendered-manifests}; a failure to publish fails the record, which stops the channel
 * rather than lose a render.
 */
@ApplicationScoped
public class CommitEventsListener {

    private static final Logger LOG = Logger.getLogger(CommitEventsListener.class);

    @Inject
    RenderingService rendering;

    @Incoming("commit-events")
    @Blocking
    void onCommitEvent(ConsumerRecord<String, PlumblineEvent> commitRecord) {
        if (commitRecord.value() instanceof CommitDetected commit) {
            rendering.onCommit(commit);
        } else if (commitRecord.value() != null) {
            LOG.debugf("%s from %s needs no render", commitRecord.value().type(), commitRecord.key());
        }
    }
}
