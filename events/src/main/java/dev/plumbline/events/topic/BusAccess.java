package dev.plumbline.events.topic;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may do what on the Kafka bus: one entry per Kafka principal (a SCRAM user), with the topics it writes, the
 * topics it reads, the prefix of the consumer groups it may use, and whether it creates the topics it writes. This
 * is the one place access to the bus is decided; the broker's ACLs (in {@code events.kafka}), the local run's
 * credentials and the deployment's Kafka users are all made from it, and {@code docs/design.md}'s topic table must
 * say the same (a test compares them).
 *
 * <p>A service creates the topics it writes at start-up ({@code TopicProvisioner}), so it may create, describe and
 * reconfigure those and no others. Every group a service uses begins with {@code plumbline-<service>}: its one
 * work-sharing group and its per-instance groups ({@code plumbline-renderer-<uuid>} for the catalog of
 * Applications). No prefix is the beginning of another's, so no principal can join or move another's group.
 *
 * @param user          the SCRAM user name; the Kafka principal is {@code User:<user>}
 * @param writes        the topics it produces to
 * @param reads         the topics it consumes from (those it writes included, where it reads them back)
 * @param groupPrefix   the beginning of every consumer group it may use; empty when it uses none
 * @param createsTopics whether it creates (and corrects the configs of) the topics it writes
 * @param seesGroups    others' consumer groups whose members and assignments it may describe, never join: the
 *                      services' work-sharing groups, for {@code plumb app get} to tell which instance holds an app
 */
public record BusAccess(
        String user,
        Set<String> writes,
        Set<String> reads,
        Optional<String> groupPrefix,
        boolean createsTopics,
        Set<String> seesGroups) {

    public static final String GIT_WATCHER = "git-watcher";
    public static final String RENDERER = "renderer";
    public static final String RECONCILER = "reconciler";
    public static final String DRIFT_AUDITOR = "drift-auditor";
    public static final String NOTIFIER = "notifier";
    /** The only Git writer; on the bus it writes what it saw and proposed, and reads what was merged. */
    public static final String IMAGE_UPDATER = "image-updater";
    /** The {@code plumb} command: it reads what it shows (the audit trail, the demo's events) and writes nothing. */
    public static final String PLUMB = "plumb";
    /** SRE teams' tools: the audit trail, read only. */
    public static final String AUDIT_READER = "audit-reader";

    /**
     * The work-sharing consumer groups that divide apps among a service's instances by the partition of the app's
     * key: the reconciler's channels, the drift-auditor's drift comparison, the notifier's inputs.
     */
    public static final String RECONCILER_GROUP = "plumbline-" + RECONCILER;

    public static final String DRIFT_AUDITOR_GROUP = "plumbline-" + DRIFT_AUDITOR;
    public static final String NOTIFIER_GROUP = "plumbline-" + NOTIFIER;

    private static final List<BusAccess> ALL = List.of(
            service(GIT_WATCHER, writing(Topics.COMMIT_EVENTS), reading(Topics.APPLICATIONS)),
            service(
                    RENDERER,
                    writing(Topics.RENDERED_MANIFESTS),
                    // its own topic too: a render failure carries the app's last good render, read back at start
                    reading(Topics.APPLICATIONS, Topics.COMMIT_EVENTS, Topics.RENDERED_MANIFESTS)),
            service(
                    RECONCILER,
                    writing(Topics.APPLICATIONS, Topics.DIFF_RESULTS, Topics.APPLY_ACTIONS),
                    // applications: its own specs, read back to drop those of deleted Applications; audit: the
                    // head of each app's audit chain, published in the Application's status
                    reading(
                            Topics.APPLICATIONS,
                            Topics.COMMIT_EVENTS,
                            Topics.RENDERED_MANIFESTS,
                            Topics.SYNC_REQUESTS,
                            Topics.DRIFT_ALERTS,
                            Topics.AUDIT)),
            service(
                    DRIFT_AUDITOR,
                    writing(Topics.SYNC_REQUESTS, Topics.DRIFT_ALERTS, Topics.AUDIT),
                    // every topic whose events the audit trail records, and the trail itself for each chain's head
                    reading(
                            Topics.APPLICATIONS,
                            Topics.COMMIT_EVENTS,
                            Topics.RENDERED_MANIFESTS,
                            Topics.DIFF_RESULTS,
                            Topics.APPLY_ACTIONS,
                            Topics.SYNC_REQUESTS,
                            Topics.DRIFT_ALERTS,
                            Topics.AUDIT,
                            Topics.IMAGE_EVENTS)),
            service(
                    NOTIFIER,
                    writing(Topics.NOTIFICATIONS, Topics.NOTIFICATIONS_DEAD_LETTER),
                    // notifications: its delivery log, read back at start so that nothing is told twice
                    reading(
                            Topics.APPLICATIONS,
                            Topics.RENDERED_MANIFESTS,
                            Topics.DIFF_RESULTS,
                            Topics.APPLY_ACTIONS,
                            Topics.DRIFT_ALERTS,
                            Topics.AUDIT,
                            Topics.NOTIFICATIONS,
                            Topics.IMAGE_EVENTS)),
            service(
                    IMAGE_UPDATER,
                    writing(Topics.IMAGE_EVENTS),
                    // commit-events: its promotion commits seen merged; image-events: its own history (the open
                    // pull requests and their promotion ids), read back at start
                    reading(Topics.APPLICATIONS, Topics.COMMIT_EVENTS, Topics.IMAGE_EVENTS)),
            // reads without a consumer group; "plumb-" so that it is not the beginning of the services' groups
            new BusAccess(
                    PLUMB,
                    writing(),
                    reading(
                            Topics.COMMIT_EVENTS,
                            Topics.RENDERED_MANIFESTS,
                            Topics.APPLY_ACTIONS,
                            Topics.DRIFT_ALERTS,
                            Topics.AUDIT,
                            Topics.NOTIFICATIONS_DEAD_LETTER,
                            Topics.IMAGE_EVENTS),
                    Optional.of("plumb-"),
                    false,
                    // which instance holds an app: the members of these groups and their partitions
                    Set.of(RECONCILER_GROUP, DRIFT_AUDITOR_GROUP, NOTIFIER_GROUP)),
            new BusAccess(
                    AUDIT_READER, writing(), reading(Topics.AUDIT), Optional.of(AUDIT_READER + "-"), false, Set.of()));

    public BusAccess {
        writes = Set.copyOf(writes);
        reads = Set.copyOf(reads);
        seesGroups = Set.copyOf(seesGroups);
        groupPrefix.ifPresent(prefix -> {
            if (prefix.isBlank()) {
                throw new IllegalArgumentException(
                        user + ": a group prefix may not be blank, it would match every group");
            }
        });
    }

    /** Every principal that may use the bus. */
    public static List<BusAccess> all() {
        return ALL;
    }

    /** The access of one user, such as {@code reconciler}. */
    public static BusAccess of(String user) {
        return ALL.stream()
                .filter(access -> access.user.equals(user))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "no principal of the Kafka bus is named " + user + "; known: " + users()));
    }

    /** The user names of every principal, in the order of {@link #all()}. */
    public static List<String> users() {
        return ALL.stream().map(BusAccess::user).toList();
    }

    /** The Kafka principal, {@code User:<user>}. */
    public String principal() {
        return "User:" + user;
    }

    /** Every topic it may read or write. */
    public Set<String> topics() {
        return Set.copyOf(Stream.concat(writes.stream(), reads.stream()).toList());
    }

    private static BusAccess service(String name, Set<String> writes, Set<String> reads) {
        return new BusAccess(name, writes, reads, Optional.of("plumbline-" + name), true, Set.of());
    }

    private static Set<String> writing(String... topics) {
        return Set.of(topics);
    }

    private static Set<String> reading(String... topics) {
        return Set.of(topics);
    }
}
