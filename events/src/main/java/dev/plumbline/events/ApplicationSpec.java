package dev.plumbline.events;

import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.IgnoreDifference;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.application.NotificationSubscription;
import dev.plumbline.events.application.RequestedSync;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.DriftMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The spec of one Application, published by the reconciler on {@code plumbline.applications} whenever it changes
 * (a compacted topic, so the latest per app is the current spec). A deleted Application is a null value under its
 * key. Operational switches set as annotations (the self-heal pause, a requested sync) travel here too.
 *
 * @param app               the Application's name, unique because Applications live in one namespace
 * @param namespace         the namespace Plumbline watches Applications in
 * @param generation        {@code metadata.generation}, so consumers can tell a newer spec from a redelivery
 * @param sourceSpec        {@code spec.source}: repository, revision, path and render options
 * @param destination       where it deploys and what else it may touch
 * @param syncPolicy        automated or manual, prune, self-heal, allow-empty, retry
 * @param driftMode         as declared; null when not declared, see {@link #effectiveDriftMode()}
 * @param ignoreDifferences differences left out of diffs and drift
 * @param notifications     who is told what
 * @param selfHealPause     the pause in force; null when self-heal is not paused
 * @param requestedSync     a sync asked for by annotation; null when none is pending
 * @param clusterCapabilities the destination cluster's version and served API versions, for Helm's
 *                          {@code .Capabilities}; null while the reconciler has not read them
 * @param project           the project it names ({@code spec.project}, default {@code default}) as the reconciler
 *                          read it: what the Application may fetch, touch and deploy. Null only in specs written
 *                          before projects existed, which every reader treats as a project that allows nothing
 * @param images            {@code spec.images}: the image repositories the image-updater follows and promotes into
 *                          the config repository; empty when none. Not part of {@link #sourceDigest()}: a policy
 *                          changes what is proposed to Git, never what is rendered
 */
public record ApplicationSpec(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String namespace,
        long generation,
        SourceSpec sourceSpec,
        Destination destination,
        SyncPolicy syncPolicy,
        DriftMode driftMode,
        List<IgnoreDifference> ignoreDifferences,
        List<NotificationSubscription> notifications,
        SelfHealPause selfHealPause,
        RequestedSync requestedSync,
        ClusterCapabilities clusterCapabilities,
        ProjectPolicy project,
        List<ImagePolicy> images)
        implements PlumblineEvent {

    public ApplicationSpec {
        Envelope.check(EventType.APPLICATION_SPEC, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(sourceSpec, "sourceSpec");
        Objects.requireNonNull(destination, "destination");
        syncPolicy = syncPolicy == null ? SyncPolicy.manual() : syncPolicy;
        ignoreDifferences = ignoreDifferences == null ? List.of() : List.copyOf(ignoreDifferences);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A spec without image policies, as written before {@code spec.images} existed. */
    public ApplicationSpec(
            String eventId,
            int schemaVersion,
            Instant time,
            String source,
            String correlationId,
            String app,
            String namespace,
            long generation,
            SourceSpec sourceSpec,
            Destination destination,
            SyncPolicy syncPolicy,
            DriftMode driftMode,
            List<IgnoreDifference> ignoreDifferences,
            List<NotificationSubscription> notifications,
            SelfHealPause selfHealPause,
            RequestedSync requestedSync,
            ClusterCapabilities clusterCapabilities,
            ProjectPolicy project) {
        this(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                app,
                namespace,
                generation,
                sourceSpec,
                destination,
                syncPolicy,
                driftMode,
                ignoreDifferences,
                notifications,
                selfHealPause,
                requestedSync,
                clusterCapabilities,
                project,
                List.of());
    }

    /**
     * A spec as the reconciler publishes it. Each publication starts a new correlation id: a render it causes
     * carries that id onward.
     */
    public static ApplicationSpec of(
            String app,
            String namespace,
            long generation,
            SourceSpec sourceSpec,
            Destination destination,
            SyncPolicy syncPolicy,
            DriftMode driftMode,
            List<IgnoreDifference> ignoreDifferences,
            List<NotificationSubscription> notifications,
            SelfHealPause selfHealPause,
            RequestedSync requestedSync) {
        return new ApplicationSpec(
                Envelope.newEventId(),
                EventType.APPLICATION_SPEC.schemaVersion(),
                Envelope.now(),
                PlumblineService.RECONCILER.source(),
                Envelope.newEventId(),
                app,
                namespace,
                generation,
                sourceSpec,
                destination,
                syncPolicy,
                driftMode,
                ignoreDifferences,
                notifications,
                selfHealPause,
                requestedSync,
                null,
                null,
                List.of());
    }

    /** The same spec, event and all, telling what the destination cluster is. */
    public ApplicationSpec withClusterCapabilities(ClusterCapabilities capabilities) {
        return new ApplicationSpec(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                app,
                namespace,
                generation,
                sourceSpec,
                destination,
                syncPolicy,
                driftMode,
                ignoreDifferences,
                notifications,
                selfHealPause,
                requestedSync,
                capabilities,
                project,
                images);
    }

    /** The same spec, event and all, under the rules of its project. */
    public ApplicationSpec withProject(ProjectPolicy policy) {
        return new ApplicationSpec(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                app,
                namespace,
                generation,
                sourceSpec,
                destination,
                syncPolicy,
                driftMode,
                ignoreDifferences,
                notifications,
                selfHealPause,
                requestedSync,
                clusterCapabilities,
                policy,
                images);
    }

    /** The same spec, event and all, following these images. */
    public ApplicationSpec withImages(List<ImagePolicy> policies) {
        return new ApplicationSpec(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                app,
                namespace,
                generation,
                sourceSpec,
                destination,
                syncPolicy,
                driftMode,
                ignoreDifferences,
                notifications,
                selfHealPause,
                requestedSync,
                clusterCapabilities,
                project,
                policies);
    }

    /** The project's rules; a project that allows nothing when the spec carries none. */
    public ProjectPolicy projectPolicy() {
        return project == null ? ProjectPolicy.missing(ProjectPolicy.DEFAULT) : project;
    }

    @Override
    public EventType type() {
        return EventType.APPLICATION_SPEC;
    }

    /**
     * {@code sha256:<hex>} of what decides this Application's render: its source (repository, target revision, path
     * and render options) and destination namespace. The renderer writes it on each render
     * ({@link ManifestsRendered#sourceDigest()}); a render is applied, and taken as desired state, only while it
     * equals the current spec's ({@link ManifestsRendered#madeFor}).
     */
    public String sourceDigest() {
        return SourceDigest.of(sourceSpec, destination.namespace());
    }

    /** The declared drift mode, or the default: heal when self-heal is on, warn otherwise. */
    public DriftMode effectiveDriftMode() {
        if (driftMode != null) {
            return driftMode;
        }
        boolean selfHeal =
                syncPolicy.automated() != null && syncPolicy.automated().selfHeal();
        return selfHeal ? DriftMode.HEAL : DriftMode.WARN;
    }

    /** Whether self-heal is paused at that instant (a pause past its expiry no longer counts). */
    public boolean selfHealPausedAt(Instant now) {
        return selfHealPause != null && selfHealPause.activeAt(now);
    }
}
