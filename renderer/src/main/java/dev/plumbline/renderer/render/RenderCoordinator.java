package dev.plumbline.renderer.render;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.failure.RenderFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what to render, and when. A commit renders exactly the Applications on its repository and ref whose
 * inputs it changed (so on a monorepo one commit costs one render, not one per app); a new or changed Application
 * renders at once from the latest commit of its ref; a deleted one has its desired state removed. An Application
 * whose project refuses its repository, or that the commit event refuses, is not rendered ({@link RenderDoors}).
 *
 * <p>What an Application reads is remembered from its last render. An Application whose inputs are not known yet
 * (after a restart, or a spec change) has them worked out from the commit's files before it is chosen or not.
 */
public final class RenderCoordinator {

    /**
     * What this instance knows of an Application: the spec parts that decide its render (the cluster's capabilities
     * among them, which only a Helm chart reads: the render cache spares the others a second render), and what it
     * read last.
     */
    private record Known(
            SourceSpec source, String namespace, ClusterCapabilities cluster, String sourceRefusal, InputSet inputs) {

        static Known of(ApplicationSpec spec, InputSet inputs) {
            return new Known(
                    spec.sourceSpec(),
                    spec.destination().namespace(),
                    spec.clusterCapabilities(),
                    RenderDoors.sourceRefusal(spec).orElse(null),
                    inputs);
        }

        /** The same render inputs, and the same verdict of its project on its repository. */
        boolean sameSpecAs(ApplicationSpec spec) {
            return source.equals(spec.sourceSpec())
                    && namespace.equals(spec.destination().namespace())
                    && Objects.equals(cluster, spec.clusterCapabilities())
                    && Objects.equals(
                            sourceRefusal, RenderDoors.sourceRefusal(spec).orElse(null));
        }
    }

    private final ApplicationCatalog catalog;
    private final RevisionIndex revisions;
    private final LastRenders lastRenders;
    private final RenderPipeline pipeline;
    private final RevisionRenderer renderer;
    private final RenderPublisher publisher;
    private final RenderDoors doors = new RenderDoors();
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Applications that changed while no commit of their ref was known: they render with the next one. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    public RenderCoordinator(
            ApplicationCatalog catalog,
            RevisionIndex revisions,
            LastRenders lastRenders,
            RenderPipeline pipeline,
            RevisionRenderer renderer,
            RenderPublisher publisher) {
        this.catalog = catalog;
        this.revisions = revisions;
        this.lastRenders = lastRenders;
        this.pipeline = pipeline;
        this.renderer = renderer;
        this.publisher = publisher;
    }

    /**
     * A ref moved: renders the Applications it affects. Returns their outcomes, by app. A commit event the
     * git-watcher's keys do not verify is not downloaded: every Application watching its ref fails with
     * {@code commit-untrusted} instead.
     */
    public Map<String, RenderOutcome> onCommit(CommitDetected commit) {
        SignatureCheck trust = revisions.record(commit);
        if (!trust.trusted()) {
            return refuse(commit, trust);
        }
        if (commit.after() == null || commit.artifact() == null) {
            // a deleted branch leaves the desired state as it was: removing an app takes deleting the Application
            return Map.of();
        }
        boolean everything = commit.update() == RefUpdateKind.INITIAL;
        List<ApplicationSpec> affected = new ArrayList<>();
        List<ApplicationSpec> unknown = new ArrayList<>();
        for (ApplicationSpec spec : catalog.all()) {
            if (!SourceMatch.watches(spec, commit.repoUrl(), commit.ref()) || !doors.admits(spec, commit)) {
                continue;
            }
            Known app = known.get(spec.app());
            boolean waited = waiting.remove(spec.app());
            if (everything || waited || !lastRenders.has(spec.app())) {
                affected.add(spec);
            } else if (app == null || app.inputs() == null || !app.sameSpecAs(spec)) {
                unknown.add(spec);
            } else if (app.inputs().touchedBy(commit.changedPaths())) {
                affected.add(spec);
            }
        }
        List<ApplicationSpec> possible = new ArrayList<>(affected);
        possible.addAll(unknown);
        Map<String, RenderOutcome> outcomes = renderer.render(Revision.of(commit), possible, tree -> {
            List<ApplicationSpec> chosen = new ArrayList<>(affected);
            unknown.stream()
                    .filter(spec -> touched(spec, tree, commit.changedPaths()))
                    .forEach(chosen::add);
            return chosen;
        });
        remember(possible, outcomes);
        return outcomes;
    }

    private Map<String, RenderOutcome> refuse(CommitDetected commit, SignatureCheck trust) {
        if (commit.after() == null || commit.artifact() == null) {
            return Map.of(); // nothing would have been rendered: a deleted ref leaves desired state as it was
        }
        List<ApplicationSpec> watching = catalog.all().stream()
                .filter(spec -> SourceMatch.watches(spec, commit.repoUrl(), commit.ref()))
                .filter(doors::admitsSource)
                .toList();
        String message = "the commit event for " + commit.after() + " of " + commit.repoUrl() + " " + commit.ref()
                + " (written as " + commit.source() + ") cannot be trusted: " + trust.problem()
                + ". Nothing was downloaded or rendered. Check that the git-watcher signs with its key"
                + " (plumbline.signing.key-file) and that plumbline.trust.git-watcher-keys of the renderer lists its"
                + " public key; if the git-watcher did not write this event, something else can write"
                + " plumbline.commit-events";
        return renderer.refuse(
                Revision.of(commit), watching, new RenderFailure(RenderFailureReason.COMMIT_UNTRUSTED, message));
    }

    /**
     * Applications published or changed: each whose source or destination changed renders at once from the latest
     * commit of its ref, one download per commit however many changed. Returns the outcomes, by app.
     */
    public Map<String, RenderOutcome> onApplications(Collection<ApplicationSpec> specs) {
        Map<CommitDetected, List<ApplicationSpec>> byCommit = new LinkedHashMap<>();
        for (ApplicationSpec spec : specs) {
            if (!needsRender(spec)) {
                continue;
            }
            known.put(spec.app(), Known.of(spec, null));
            Optional<CommitDetected> latest = revisions.latestFor(spec.sourceSpec());
            if (latest.isEmpty()) {
                waiting.add(spec.app());
            } else {
                waiting.remove(spec.app());
                if (doors.admits(spec, latest.get())) {
                    byCommit.computeIfAbsent(latest.get(), commit -> new ArrayList<>())
                            .add(spec);
                }
            }
        }
        Map<String, RenderOutcome> outcomes = new LinkedHashMap<>();
        byCommit.forEach((commit, apps) -> {
            outcomes.putAll(renderer.render(Revision.forSpecChanges(commit), apps, tree -> apps));
            remember(apps, outcomes);
        });
        return outcomes;
    }

    /**
     * An Application was deleted: its desired state goes too. The instance that handles its repository's commits
     * writes the tombstone, so that it is written once.
     */
    public void onApplicationDeleted(String app) {
        Known previous = known.remove(app);
        waiting.remove(app);
        if (previous == null || !lastRenders.has(app)) {
            return;
        }
        boolean handlesRepository = revisions.latestFor(previous.source()).isPresent();
        if (handlesRepository) {
            publisher.tombstone(app);
            lastRenders.accept(app, null);
        }
    }

    /** The Applications waiting for a commit of their ref: worth offering again once commits became known. */
    public List<ApplicationSpec> waitingApplications() {
        return catalog.all().stream()
                .filter(spec -> waiting.contains(spec.app()))
                .toList();
    }

    private boolean needsRender(ApplicationSpec spec) {
        if (waiting.contains(spec.app())) {
            return true;
        }
        Known previous = known.get(spec.app());
        if (previous != null) {
            return !previous.sameSpecAs(spec);
        }
        // first sight since start: an outcome written after this spec was published already rendered it, if the
        // last good render was made for this very source (a render of an earlier source, or one written before
        // renders carried their source, is rendered again: readers wait for a render of the current source)
        boolean renderedSince = lastRenders
                        .latestOutcome(spec.app())
                        .map(time -> !time.isBefore(spec.time()))
                        .orElse(false)
                && lastRenders
                        .lastGood(spec.app())
                        .map(last -> spec.sourceDigest().equals(last.sourceDigest()))
                        .orElse(true);
        if (renderedSince) {
            known.put(spec.app(), Known.of(spec, null));
        }
        return !renderedSince;
    }

    /** Whether the commit changed what the Application reads; when that cannot be worked out, render to tell why. */
    private boolean touched(ApplicationSpec spec, RepositoryTree tree, List<String> changedPaths) {
        try {
            InputSet inputs = pipeline.inputs(spec, tree);
            known.put(spec.app(), Known.of(spec, inputs));
            return inputs.touchedBy(changedPaths);
        } catch (RenderFailure failure) {
            return true;
        }
    }

    private void remember(List<ApplicationSpec> specs, Map<String, RenderOutcome> outcomes) {
        for (ApplicationSpec spec : specs) {
            RenderOutcome outcome = outcomes.get(spec.app());
            if (outcome != null) {
                known.put(spec.app(), Known.of(spec, outcome.inputs()));
            }
        }
    }
}
