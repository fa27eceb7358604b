package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.plumbline.events.topic.Topics;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of event, with its CloudEvents type (also the {@code type} field of its JSON), the newest schema
 * version this code writes and reads, its record class and its topic.
 */
public enum EventType {
    APPLICATION_SPEC("dev.plumbline.application.spec", 1, ApplicationSpec.class, Topics.APPLICATIONS),
    COMMIT_DETECTED("dev.plumbline.commit.detected", 2, CommitDetected.class, Topics.COMMIT_EVENTS),
    COMMIT_IGNORED("dev.plumbline.commit.ignored", 2, CommitIgnored.class, Topics.COMMIT_EVENTS),
    MANIFESTS_RENDERED("dev.plumbline.manifests.rendered", 3, ManifestsRendered.class, Topics.RENDERED_MANIFESTS),
    RENDER_FAILED("dev.plumbline.render.failed", 2, RenderFailed.class, Topics.RENDERED_MANIFESTS),
    DIFF_COMPUTED("dev.plumbline.diff.computed", 1, DiffComputed.class, Topics.DIFF_RESULTS),
    APPLY_ACTION("dev.plumbline.apply.action", 1, ApplyAction.class, Topics.APPLY_ACTIONS),
    SYNC_REQUESTED("dev.plumbline.sync.requested", 1, SyncRequested.class, Topics.SYNC_REQUESTS),
    DRIFT_DETECTED("dev.plumbline.drift.detected", 1, DriftDetected.class, Topics.DRIFT_ALERTS),
    DRIFT_RECOVERED("dev.plumbline.drift.recovered", 1, DriftRecovered.class, Topics.DRIFT_ALERTS),
    SELF_HEAL_FIGHT("dev.plumbline.drift.fight", 1, SelfHealFight.class, Topics.DRIFT_ALERTS),
    AUDIT_RECORD("dev.plumbline.audit.record", 2, AuditRecord.class, Topics.AUDIT),
    NOTIFICATION_SENT("dev.plumbline.notification.sent", 1, NotificationSent.class, Topics.NOTIFICATIONS),
    NOTIFICATION_DEAD_LETTERED(
            "dev.plumbline.notification.dead-lettered",
            1,
            NotificationDeadLettered.class,
            Topics.NOTIFICATIONS_DEAD_LETTER),
    IMAGE_DETECTED("dev.plumbline.image.detected", 1, ImageDetected.class, Topics.IMAGE_EVENTS),
    PROMOTION_PROPOSED("dev.plumbline.promotion.proposed", 1, PromotionProposed.class, Topics.IMAGE_EVENTS),
    PROMOTION_MERGED("dev.plumbline.promotion.merged", 1, PromotionMerged.class, Topics.IMAGE_EVENTS),
    PROMOTION_FAILED("dev.plumbline.promotion.failed", 1, PromotionFailed.class, Topics.IMAGE_EVENTS);

    /** Every type reads schema versions from this one up to its own {@link #schemaVersion()}. */
    public static final int FIRST_SCHEMA_VERSION = 1;

    private final String typeName;
    private final int schemaVersion;
    private final Class<? extends PlumblineEvent> eventClass;
    private final String topic;

    EventType(String typeName, int schemaVersion, Class<? extends PlumblineEvent> eventClass, String topic) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.eventClass = eventClass;
        this.topic = topic;
    }

    /** The CloudEvents type, such as {@code dev.plumbline.commit.detected}. */
    @JsonValue
    public String typeName() {
        return typeName;
    }

    /** The schema version this code writes, and the newest it reads. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends PlumblineEvent> eventClass() {
        return eventClass;
    }

    public String topic() {
        return topic;
    }

    public boolean reads(int version) {
        return version >= FIRST_SCHEMA_VERSION && version <= schemaVersion;
    }

    /** The versions this code reads, for error messages: {@code 1}, or {@code 1 to 3}. */
    public String supportedVersions() {
        return schemaVersion == FIRST_SCHEMA_VERSION
                ? String.valueOf(schemaVersion)
                : FIRST_SCHEMA_VERSION + " to " + schemaVersion;
    }

    public static Optional<EventType> fromTypeName(String typeName) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName))
                .findFirst();
    }
}
