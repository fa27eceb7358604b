package dev.plumbline.events;

import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import java.util.List;
import java.util.Locale;

/**
 * The programs that make up Plumbline, and the topics each one writes. A topic is created at start-up by the
 * services that write it (see {@code TopicProvisioner}); readers never create topics.
 */
public enum PlumblineService {
    GIT_WATCHER(Topics.COMMIT_EVENTS),
    RENDERER(Topics.RENDERED_MANIFESTS),
    RECONCILER(Topics.APPLICATIONS, Topics.DIFF_RESULTS, Topics.APPLY_ACTIONS),
    DRIFT_AUDITOR(Topics.SYNC_REQUESTS, Topics.DRIFT_ALERTS, Topics.AUDIT),
    NOTIFIER(Topics.NOTIFICATIONS, Topics.NOTIFICATIONS_DEAD_LETTER),
    CLI(Topics.SYNC_REQUESTS);

    private final List<String> writes;

    PlumblineService(String... writes) {
        this.writes = List.of(writes);
    }

    /** The CloudEvents {@code source} of the events it emits, such as {@code plumbline/git-watcher}. */
    public String source() {
        return "plumbline/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The topics it writes, with {@value Topics#DEFAULT_PARTITIONS} partitions each. */
    public List<TopicSpec> ownedTopics() {
        return ownedTopics(Topics.DEFAULT_PARTITIONS);
    }

    /** The topics it writes, with the given number of partitions each. */
    public List<TopicSpec> ownedTopics(int partitions) {
        return writes.stream().map(topic -> Topics.spec(topic, partitions)).toList();
    }

    public boolean writes(String topic) {
        return writes.contains(topic);
    }
}
