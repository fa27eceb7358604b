package dev.plumbline.events;

import dev.plumbline.events.topic.BusAccess;
import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import java.util.List;
import java.util.Locale;

/**
 * The programs that make up Plumbline, and the topics each one writes, as its principal on the Kafka bus may
 * ({@link BusAccess}). A topic is created at start-up by the services that write it (see {@code TopicProvisioner});
 * readers never create topics. The CLI writes no topic: a manual sync is an annotation set with the user's own
 * Kubernetes credentials.
 */
public enum PlumblineService {
    GIT_WATCHER(BusAccess.GIT_WATCHER),
    RENDERER(BusAccess.RENDERER),
    RECONCILER(BusAccess.RECONCILER),
    DRIFT_AUDITOR(BusAccess.DRIFT_AUDITOR),
    NOTIFIER(BusAccess.NOTIFIER),
    IMAGE_UPDATER(BusAccess.IMAGE_UPDATER),
    CLI(BusAccess.PLUMB);

    private final BusAccess access;
    /** In the order of {@link Topics#all()}, the order topics are created in. */
    private final List<String> writes;

    PlumblineService(String busUser) {
        this.access = BusAccess.of(busUser);
        this.writes = Topics.all().stream()
                .map(TopicSpec::name)
                .filter(access.writes()::contains)
                .toList();
    }

    /** What its Kafka principal may do on the bus. */
    public BusAccess busAccess() {
        return access;
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
