package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Every record that travels on a Plumbline topic. The envelope accessors map onto CloudEvents attributes
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time}); the rest is each
 * event's own data. Build events with their static factories, which fill the id, the time and the schema version.
 */
@JsonPropertyOrder({"type", "schemaVersion", "eventId", "time", "source", "correlationId", "app"})
public sealed interface PlumblineEvent
        permits ApplicationSpec,
                CommitDetected,
                CommitIgnored,
                ManifestsRendered,
                RenderFailed,
                DiffComputed,
                ApplyAction,
                SyncRequested,
                DriftDetected,
                DriftRecovered,
                SelfHealFight,
                AuditRecord,
                NotificationSent,
                NotificationDeadLettered,
                ImageDetected,
                PromotionProposed,
                PromotionMerged,
                PromotionFailed {

    /** A random UUID, unique per event; consumers use it to drop redeliveries. */
    String eventId();

    /** The schema version of this event's JSON; see {@link EventType#schemaVersion()}. */
    int schemaVersion();

    Instant time();

    /** The Application's name; null for events about a repository rather than an app (commit events). */
    String app();

    /** Follows one commit (or one spec change, or one manual request) from webhook to apply and audit. */
    String correlationId();

    /** The emitting service, such as {@code plumbline/git-watcher}. */
    String source();

    /** Written into the JSON as the {@code type} discriminator. */
    @JsonProperty("type")
    EventType type();

    /** The topic it belongs on. */
    default String topic() {
        return type().topic();
    }

    /** The Kafka record key: the app, so that one app's events stay in order on one partition. */
    default String key() {
        return app();
    }
}
