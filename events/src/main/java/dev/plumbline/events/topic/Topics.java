package dev.plumbline.events.topic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The topics Plumbline's services talk through, and how each is created. See {@code docs/events.md}. */
public final class Topics {

    /** Spec of every Application, keyed by app; compacted, a null value (tombstone) when it is deleted. */
    public static final String APPLICATIONS = "plumbline.applications";
    /** Ref updates and ignored commits, keyed by repository URL. */
    public static final String COMMIT_EVENTS = "plumbline.commit-events";
    /** Desired objects of each app, or its render failure, keyed by app; compacted. */
    public static final String RENDERED_MANIFESTS = "plumbline.rendered-manifests";

    public static final String DIFF_RESULTS = "plumbline.diff-results";
    public static final String APPLY_ACTIONS = "plumbline.apply-actions";
    public static final String SYNC_REQUESTS = "plumbline.sync-requests";
    public static final String DRIFT_ALERTS = "plumbline.drift-alerts";
    public static final String AUDIT = "plumbline.audit";
    /**
     * The notifier's delivery log, keyed by app: one record per notification delivered to one destination, read
     * back at start-up so that a redelivered event is not told twice. Kept a day, far longer than any dedup window.
     */
    public static final String NOTIFICATIONS = "plumbline.notifications";
    /** Notifications that could not be delivered after every retry, with their last error, keyed by app. */
    public static final String NOTIFICATIONS_DEAD_LETTER = "plumbline.notifications-dead-letter";

    /**
     * Images the image-updater saw and the promotions it proposed, saw merged or failed to make, keyed by app. The
     * image-updater reads it back at start for its open pull requests; a week covers any review.
     */
    public static final String IMAGE_EVENTS = "plumbline.image-events";

    public static final int DEFAULT_PARTITIONS = 6;

    /**
     * The largest record the big topics accept (rendered manifests and diffs of apps with many objects or large
     * CRDs). Producers writing them set {@code max.request.size} to this, and their consumers
     * {@code max.partition.fetch.bytes} at least to this; compression ({@code compression.type=zstd}) keeps most
     * records far smaller.
     */
    public static final int LARGE_RECORD_BYTES = 32 * 1024 * 1024;

    private static final String RETENTION = "retention.ms";
    private static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    private static final Map<String, String> A_WEEK = Map.of(RETENTION, millis(Duration.ofDays(7)));

    private Topics() {}

    /** Every topic with {@value #DEFAULT_PARTITIONS} partitions. */
    public static List<TopicSpec> all() {
        return all(DEFAULT_PARTITIONS);
    }

    /** Every topic with the given number of partitions. */
    public static List<TopicSpec> all(int partitions) {
        return List.of(
                new TopicSpec(APPLICATIONS, partitions, CleanupPolicy.COMPACT, Map.of()),
                new TopicSpec(COMMIT_EVENTS, partitions, CleanupPolicy.DELETE, A_WEEK),
                new TopicSpec(
                        RENDERED_MANIFESTS,
                        partitions,
                        CleanupPolicy.COMPACT,
                        Map.of(MAX_MESSAGE_BYTES, String.valueOf(LARGE_RECORD_BYTES))),
                new TopicSpec(
                        DIFF_RESULTS,
                        partitions,
                        CleanupPolicy.DELETE,
                        Map.of(
                                RETENTION,
                                millis(Duration.ofDays(7)),
                                MAX_MESSAGE_BYTES,
                                String.valueOf(LARGE_RECORD_BYTES))),
                new TopicSpec(APPLY_ACTIONS, partitions, CleanupPolicy.DELETE, A_WEEK),
                new TopicSpec(SYNC_REQUESTS, partitions, CleanupPolicy.DELETE, A_WEEK),
                new TopicSpec(DRIFT_ALERTS, partitions, CleanupPolicy.DELETE, A_WEEK),
                // An audit trail has to outlive a yearly review; operators may raise it with withConfig.
                new TopicSpec(AUDIT, partitions, CleanupPolicy.DELETE, Map.of(RETENTION, millis(Duration.ofDays(400)))),
                new TopicSpec(
                        NOTIFICATIONS, partitions, CleanupPolicy.DELETE, Map.of(RETENTION, millis(Duration.ofDays(1)))),
                // long enough for someone back from a weekend to see what never reached them, and replay it
                new TopicSpec(
                        NOTIFICATIONS_DEAD_LETTER,
                        partitions,
                        CleanupPolicy.DELETE,
                        Map.of(RETENTION, millis(Duration.ofDays(14)))),
                new TopicSpec(IMAGE_EVENTS, partitions, CleanupPolicy.DELETE, A_WEEK));
    }

    public static TopicSpec spec(String topic, int partitions) {
        return all(partitions).stream()
                .filter(spec -> spec.name().equals(topic))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Plumbline topic is named " + topic));
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
