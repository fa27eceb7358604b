package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.gitwatcher.artifact.ArtifactStore;
import dev.plumbline.gitwatcher.artifact.StoredArtifact;
import dev.plumbline.gitwatcher.artifact.TreeArchiver;
import dev.plumbline.gitwatcher.signature.CommitJudge;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One fetch of one repository as named steps: fetch, resolve the watched revisions, compare with what was announced,
 * describe each move as a commit event with its artifact, and explain commits that deploy nothing. Failures leave
 * through exceptions, handled in one place by the caller; nothing is remembered until the caller has published.
 */
public final class FetchCycle {

    /**
     * @param artifactBaseUrl where artifacts are served: {@code <base>/artifacts/<repoKey>/<sha>.tar.gz}
     * @param timeout         JGit's wait for the next bytes
     * @param limits          the deadline, size cap and free disk space of each fetch
     */
    public record Settings(String artifactBaseUrl, int maxCommits, Duration timeout, FetchLimits limits) {}

    private final ArtifactStore artifacts;
    private final CommitJudge judge;
    private final Settings settings;

    public FetchCycle(ArtifactStore artifacts, CommitJudge judge, Settings settings) {
        this.artifacts = artifacts;
        this.judge = judge;
        this.settings = settings;
    }

    public CycleResult run(
            WatchedRepo repo,
            Mirror mirror,
            TransportAuth auth,
            Map<String, Reported> reported,
            Set<String> announceAgain,
            FetchCause cause,
            String correlationId)
            throws IOException, GitAPIException {
        MirrorRefs before = mirror.refs();
        MirrorRefs after = mirror.fetch(repo.fetchUrl(), auth, settings.timeout(), settings.limits());

        List<ResolvedRevision> revisions = new ArrayList<>();
        Map<String, String> refOfRevision = new HashMap<>();
        Map<String, RefChanges.Current> current = new TreeMap<>();
        for (String revision : repo.revisions()) {
            ResolvedRevision resolved = RevisionResolver.resolve(revision, after, reported.keySet(), mirror::hasCommit);
            revisions.add(resolved);
            refOfRevision.put(revision, resolved.ref());
            Set<String> apps = new HashSet<>();
            repo.watchers().stream()
                    .filter(w -> w.targetRevision().equals(revision))
                    .forEach(w -> apps.add(w.app()));
            current.merge(
                    resolved.ref(),
                    new RefChanges.Current(resolved.sha(), apps),
                    (a, b) -> new RefChanges.Current(a.sha(), union(a.apps(), b.apps())));
        }
        RefChanges.Result diff = RefChanges.between(reported, current, announceAgain, mirror::isAncestor);

        CommitReader reader = new CommitReader(mirror.repository());
        List<PlumblineEvent> events = new ArrayList<>();
        for (RefChange change : diff.changes()) {
            events.addAll(describe(repo, change, mirror, reader, cause, correlationId, refOfRevision));
        }
        if (!before.commits().isEmpty()) {
            events.addAll(explainUnwatchedRefs(
                    repo, before, after, current.keySet(), reader, cause, correlationId, refOfRevision));
        }
        return new CycleResult(events, diff.reported(), revisions);
    }

    private List<PlumblineEvent> describe(
            WatchedRepo repo,
            RefChange change,
            Mirror mirror,
            CommitReader reader,
            FetchCause cause,
            String correlationId,
            Map<String, String> refOfRevision)
            throws IOException {
        FetchCause refCause = change.watchStarted() ? FetchCause.watchStarted() : cause;
        List<CommitInfo> commits = List.of();
        List<String> paths = List.of();
        Artifact artifact = null;
        List<RevCommit> range = List.of();
        List<WatchingApplication> watching = repo.watchers().stream()
                .filter(w -> change.apps().contains(w.app()))
                .toList();
        CommitJudge.Judgement judgement = CommitJudge.Judgement.NOT_CHECKED;
        if (change.after() != null) {
            range = reader.range(change.before(), change.after(), settings.maxCommits());
            commits = range.stream().map(CommitReader::info).toList();
            judgement = judge.judge(
                    mirror.repository(),
                    afterCommit(commits, change.after(), reader),
                    watching.stream().map(WatchingApplication::signingRule).toList());
            commits = withSignature(commits, change.after(), judgement);
            paths = reader.changedPaths(change.before(), change.after());
            artifact = artifact(repo, mirror, change.after());
        }
        List<PlumblineEvent> events = new ArrayList<>();
        for (String url : spellings(repo, change.apps())) {
            Set<String> appsOfUrl = new HashSet<>();
            watching.stream().filter(w -> w.repoUrl().equals(url)).forEach(w -> appsOfUrl.add(w.app()));
            events.add(CommitDetected.of(
                            correlationId,
                            url,
                            change.ref(),
                            change.before(),
                            change.after(),
                            change.kind(),
                            commits,
                            paths,
                            refCause,
                            artifact)
                    .withRefusals(judgement.refusals().stream()
                            .filter(refusal -> appsOfUrl.contains(refusal.app()))
                            .toList()));
        }
        if (change.kind() == RefUpdateKind.FAST_FORWARD || change.kind() == RefUpdateKind.FORCED) {
            for (RevCommit commit : range) {
                List<String> own = reader.ownPaths(commit);
                if (watching.stream().noneMatch(w -> PathCoverage.coversAny(w.path(), own))) {
                    String why = Explanations.outsideEveryPath(commit.name(), own, repo.watchers(), refOfRevision);
                    events.addAll(ignored(repo, change.ref(), commit.name(), own, refCause, correlationId, why));
                }
            }
        }
        return events;
    }

    /** The commit the ref moved to: the newest listed, or read when the range left it out. */
    private static CommitInfo afterCommit(List<CommitInfo> commits, String after, CommitReader reader)
            throws IOException {
        for (CommitInfo commit : commits) {
            if (commit.sha().equals(after)) {
                return commit;
            }
        }
        return CommitReader.info(reader.range(null, after, 1).get(0));
    }

    /** The commits with the after commit's checked signature, when it was checked. */
    private static List<CommitInfo> withSignature(
            List<CommitInfo> commits, String after, CommitJudge.Judgement judgement) {
        if (judgement.signature() == null) {
            return commits;
        }
        return commits.stream()
                .map(commit -> commit.sha().equals(after) ? commit.withSignature(judgement.signature()) : commit)
                .toList();
    }

    /** A branch or tag that moved in this fetch, that no Application follows: its new commit deploys nothing. */
    private List<PlumblineEvent> explainUnwatchedRefs(
            WatchedRepo repo,
            MirrorRefs before,
            MirrorRefs after,
            Set<String> watchedRefs,
            CommitReader reader,
            FetchCause cause,
            String correlationId,
            Map<String, String> refOfRevision)
            throws IOException {
        List<PlumblineEvent> events = new ArrayList<>();
        for (Map.Entry<String, String> ref : new TreeMap<>(after.commits()).entrySet()) {
            String old = before.commit(ref.getKey());
            if (watchedRefs.contains(ref.getKey()) || ref.getValue().equals(old)) {
                continue;
            }
            // a new branch is described by its head commit's own change, not by every file it holds
            List<String> paths =
                    old != null ? reader.changedPaths(old, ref.getValue()) : reader.ownPaths(ref.getValue());
            String why = Explanations.unwatchedRef(ref.getValue(), ref.getKey(), repo.watchers(), refOfRevision);
            events.addAll(ignored(repo, ref.getKey(), ref.getValue(), paths, cause, correlationId, why));
        }
        return events;
    }

    private List<PlumblineEvent> ignored(
            WatchedRepo repo,
            String ref,
            String sha,
            List<String> paths,
            FetchCause cause,
            String correlationId,
            String explanation) {
        var watchers = repo.watchers().stream()
                .map(WatchingApplication::withoutRepoUrl)
                .toList();
        List<PlumblineEvent> events = new ArrayList<>();
        for (String url : repo.spellings()) {
            events.add(CommitIgnored.of(correlationId, url, ref, sha, paths, cause, watchers, explanation));
        }
        return events;
    }

    private Artifact artifact(WatchedRepo repo, Mirror mirror, String sha) throws IOException {
        TreeArchiver archiver = new TreeArchiver(mirror.repository());
        StoredArtifact stored = artifacts.store(repo.key(), sha, out -> archiver.write(sha, out));
        String base = settings.artifactBaseUrl().replaceAll("/+$", "");
        return new Artifact(base + "/artifacts/" + repo.key() + "/" + sha + ".tar.gz", stored.sha256());
    }

    /** The URL spellings of the Applications concerned: each consumer finds the event under the URL it knows. */
    private static Set<String> spellings(WatchedRepo repo, Set<String> apps) {
        Set<String> spellings = new java.util.TreeSet<>();
        repo.watchers().stream().filter(w -> apps.contains(w.app())).forEach(w -> spellings.add(w.repoUrl()));
        return spellings.isEmpty() ? repo.spellings() : spellings;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
