package dev.plumbline.reconciler.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.desired.DesiredState;
import dev.plumbline.engine.diff.ApplicationDiff;
import dev.plumbline.engine.diff.ApplicationDiffer;
import dev.plumbline.engine.inventory.PrunePlan;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.reconciler.application.ApplicationWatcher;
import dev.plumbline.reconciler.application.InvalidApplicationException;
import dev.plumbline.reconciler.apply.ObjectApplier;
import dev.plumbline.reconciler.apply.RemovedFields;
import dev.plumbline.reconciler.cluster.ApiCatalog;
import dev.plumbline.reconciler.cluster.LiveObjects;
import dev.plumbline.reconciler.limits.ProjectLimits;
import dev.plumbline.reconciler.limits.Refusal;
import dev.plumbline.reconciler.project.ProjectProblem;
import dev.plumbline.reconciler.project.ProjectWatcher;
import dev.plumbline.reconciler.status.ConditionType;
import dev.plumbline.reconciler.status.StatusWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The steps that find out where an app stands: its spec and project, its desired and live objects, their diff, what
 * its project refuses.
 */
@ApplicationScoped
public class CompareSteps {

    @Inject
    ApplicationWatcher applications;

    @Inject
    ProjectWatcher projects;

    @Inject
    DesiredStates renders;

    @Inject
    LiveObjects liveObjects;

    @Inject
    ApiCatalog catalog;

    @Inject
    ReconcileOutputs publisher;

    @Inject
    StatusWriter statusWriter;

    private final Map<String, Integer> publishedDiffs = new ConcurrentHashMap<>();
    private final Map<String, DiffComputed> latestDiffs = new ConcurrentHashMap<>();

    List<Step> steps() {
        return List.of(
                Step.of("read-application", this::readApplication),
                Step.of("check-source", this::checkSource),
                Step.of("read-desired-state", this::readDesired),
                Step.of("read-live-objects", this::readLive),
                Step.of("compare", this::compare),
                Step.of("check-limits", this::checkLimits),
                Step.of("check-ownership", context -> OwnershipChecks.check(context, liveObjects::readFromServer)),
                Step.of("publish-diff", this::publishDiff));
    }

    /** The latest diff of an app this instance reconciles. */
    public java.util.Optional<DiffComputed> latestDiff(String app) {
        return java.util.Optional.ofNullable(latestDiffs.get(app));
    }

    void readApplication(ReconcileContext context) {
        context.resource =
                applications.get(context.app()).map(statusWriter::freshest).orElse(null);
        if (context.resource == null) {
            context.stop();
            return;
        }
        try {
            context.spec = applications.specOf(context.resource);
        } catch (InvalidApplicationException e) {
            context.conditions()
                    .set(
                            ConditionType.InvalidSpec,
                            "InvalidSpec",
                            e.getMessage() + "; fix the Application " + context.app() + " and it is read again");
            context.stop();
        }
    }

    void readDesired(ReconcileContext context) {
        DesiredState desired = renders.desiredState().get(context.app()).orElse(null);
        ManifestsRendered latest = desired == null ? null : desired.lastRendered();
        boolean forCurrentSource = latest != null && latest.madeFor(context.spec);
        RenderFailed failure = desired == null ? null : desired.failure();
        if (failure != null) {
            String where = failure.file() == null
                    ? ""
                    : " (" + failure.file() + (failure.line() == null ? "" : ":" + failure.line()) + ")";
            context.conditions()
                    .set(
                            ConditionType.RenderFailed,
                            failure.reason().label(),
                            "revision "
                                    + failure.revision() + " did not render: " + failure.message() + where
                                    + (forCurrentSource
                                            ? "; the last good render stays in force"
                                            : "; nothing is applied until a render of the current source succeeds"));
        }
        Optional.ofNullable(desired)
                .flatMap(DesiredState::latestUntrusted)
                .ifPresent(untrusted -> context.conditions()
                        .set(ConditionType.RenderUntrusted, "SignatureNotVerified", RenderTrustMessage.of(untrusted)));
        if (latest == null) {
            context.conditions()
                    .set(
                            ConditionType.WaitingForRender,
                            "NotRendered",
                            "no render of " + currentSource(context) + " has arrived yet");
            context.stop();
        } else if (!forCurrentSource) {
            // a render of an earlier source of this name (the source changed, or the Application was deleted and
            // created again) must not be applied to the Application as it is now
            context.conditions()
                    .set(
                            ConditionType.WaitingForRender,
                            "SourceChanged",
                            "waiting for a render of " + currentSource(context) + "; the latest render, of "
                                    + latest.describeSource() + ", was made for an earlier source of this"
                                    + " Application and is not applied");
            context.stop();
        } else {
            context.render = latest;
        }
    }

    private static String currentSource(ReconcileContext context) {
        return context.spec.sourceSpec().repoUrl() + " path \""
                + context.spec.sourceSpec().path()
                + "\" at " + context.spec.sourceSpec().targetRevision();
    }

    void readLive(ReconcileContext context) {
        context.live = liveObjects.forApp(
                context.app(),
                context.render.objects().stream().map(RenderedObject::identity).toList());
    }

    void compare(ReconcileContext context) {
        context.diff = ApplicationDiffer.of(context.spec).compare(context.render.objects(), context.live);
        Map<ObjectKey, JsonNode> liveByKey = new HashMap<>();
        context.live.forEach(object -> liveByKey.put(ObjectKey.of(object), object));
        Map<ObjectKey, RenderedObject> desiredByKey = new HashMap<>();
        context.render.objects().forEach(object -> desiredByKey.put(ObjectKey.of(object.identity()), object));
        List<ObjectDiff> objects = new ArrayList<>();
        for (ObjectDiff diff : context.diff.objects()) {
            ObjectKey key = ObjectKey.of(diff.object());
            JsonNode live = liveByKey.get(key);
            RenderedObject desired = desiredByKey.get(key);
            if (live == null || desired == null || diff.change() == ChangeType.DELETE) {
                objects.add(diff);
                continue;
            }
            List<FieldDiff> removed =
                    RemovedFields.find(diff.object(), desired.body(), live, ObjectApplier.FIELD_MANAGER);
            if (removed.isEmpty()) {
                objects.add(diff);
            } else {
                List<FieldDiff> fields = new ArrayList<>(diff.fields());
                fields.addAll(removed);
                objects.add(new ObjectDiff(diff.object(), ChangeType.UPDATE, diff.health(), fields));
            }
        }
        context.objects = objects;
        boolean synced = objects.stream().allMatch(diff -> diff.change() == ChangeType.UNCHANGED);
        context.syncStatus = synced ? SyncStatus.SYNCED : SyncStatus.OUT_OF_SYNC;
    }

    /**
     * Nothing of an app whose project does not exist or does not allow its repository is compared or applied: the
     * git-watcher does not fetch that repository for it either.
     */
    void checkSource(ReconcileContext context) {
        String project = context.spec.projectPolicy().name();
        Optional<ProjectProblem> problem = projects.problem(project);
        if (problem.isPresent()) {
            context.conditions()
                    .set(
                            ConditionType.SourceNotPermitted,
                            problem.get().reason(),
                            problem.get().message());
            context.stop();
            return;
        }
        String repo = context.spec.sourceSpec().repoUrl();
        limits(context).sourceRefusal(repo).ifPresent(reason -> {
            context.conditions()
                    .set(
                            ConditionType.SourceNotPermitted,
                            "NotInProject",
                            "nothing of this Application is fetched or deployed: " + reason);
            context.stop();
        });
    }

    void checkLimits(ReconcileContext context) {
        ProjectLimits limits = limits(context);
        List<Refusal> notPermitted = new ArrayList<>(limits.check(
                context.render.objects().stream().map(RenderedObject::identity).toList()));
        notPermitted.addAll(limits.checkChildApplications(context.render.objects()));
        if (context.spec.syncPolicy().options().createNamespace()) {
            limits.namespaceCreationRefusal().ifPresent(notPermitted::add);
        }
        List<Refusal> ownedElsewhere = new ArrayList<>();
        for (var object : context.diff.ownedByOtherApps()) {
            ownedElsewhere.add(new Refusal(
                    object,
                    "it belongs to another Application (annotation plumbline.dev/app); "
                            + "remove it from one of the two"));
        }
        List<Refusal> refusals = new ArrayList<>(notPermitted);
        refusals.addAll(ownedElsewhere);
        context.refusals = refusals;
        refuse(context, ConditionType.ResourceNotPermitted, "NotInProject", notPermitted);
        refuse(context, ConditionType.SyncRefused, "OwnedByAnotherApplication", ownedElsewhere);
        withholdPrunesNotPermitted(context, limits);
    }

    /**
     * An object the app owns and Git no longer has is deleted only if the project allows the app to touch it: a
     * Project narrowed since it was applied must not turn into a deletion outside what it allows now.
     */
    private static void withholdPrunesNotPermitted(ReconcileContext context, ProjectLimits limits) {
        PrunePlan prune = context.diff.prune();
        List<Refusal> withheld = limits.check(
                prune.toPrune().stream().map(ObjectIdentityReader::identityOf).toList());
        if (withheld.isEmpty()) {
            return;
        }
        Set<ObjectKey> kept =
                withheld.stream().map(r -> ObjectKey.of(r.object())).collect(Collectors.toSet());
        List<JsonNode> toPrune = prune.toPrune().stream()
                .filter(live -> !kept.contains(ObjectKey.of(live)))
                .toList();
        ApplicationDiff diff = context.diff;
        context.diff = new ApplicationDiff(
                diff.objects(), diff.syncStatus(), diff.health(), prune.pruningOnly(toPrune), diff.ownedByOtherApps());
        context.conditions()
                .set(
                        ConditionType.PruneWithheld,
                        "NotInProject",
                        withheld.size() + " object(s) no longer in Git are kept, because project \""
                                + context.spec.projectPolicy().name() + "\" no longer lets this Application touch"
                                + " them; delete them by hand if they should go, or an administrator allows them"
                                + " again: "
                                + String.join(
                                        "; ",
                                        withheld.stream().map(Refusal::describe).toList()));
    }

    private ProjectLimits limits(ReconcileContext context) {
        return new ProjectLimits(
                context.spec.projectPolicy(), context.spec.destination().namespace(), catalog::namespaced);
    }

    private static void refuse(ReconcileContext context, ConditionType type, String reason, List<Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        context.conditions()
                .set(
                        type,
                        reason,
                        "nothing of revision " + context.render.revision() + " is applied, " + refusals.size()
                                + " object(s) are refused: "
                                + String.join(
                                        "; ",
                                        refusals.stream().map(Refusal::describe).toList()));
    }

    void publishDiff(ReconcileContext context) {
        DiffComputed diff = DiffComputed.of(
                context.render.correlationId(),
                context.app(),
                context.render.revision(),
                context.render.digest(),
                context.syncStatus,
                context.diff.health(),
                context.objects);
        latestDiffs.put(context.app(), diff);
        int content = Objects.hash(diff.revision(), diff.syncStatus(), diff.health(), diff.objects());
        Integer before = publishedDiffs.put(context.app(), content);
        // a live change that changes nothing in the diff (a status update, our own apply) is not worth an event
        if (context.request().reason() != ReconcileReason.LIVE_CHANGED || before == null || before != content) {
            publisher.diff(diff);
        }
    }

    void forget(String app) {
        publishedDiffs.remove(app);
        latestDiffs.remove(app);
    }
}
