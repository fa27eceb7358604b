package dev.plumbline.gitwatcher.poll;

import dev.plumbline.events.PlumblineEvent;
import java.util.List;

/**
 * Where the watcher hands what a fetch found: the {@code commit-events} topic in the service, so the watcher itself
 * knows nothing of Kafka. A ref counts as announced only once this returns.
 */
public interface CommitEventsSink {

    /** Hands over the events in order; throws when one of them was not taken. */
    void publish(List<PlumblineEvent> events);
}
