package dev.plumbline.cli.app;

import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment.GitCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * A rollback as a Git commit: the app's folder restored to its content at an earlier revision, in one new commit on
 * the branch the app follows, pushed like any other change. Nothing reaches the cluster except through Git, so the
 * rollback is reviewed, audited and itself revertible. The rest of the repository is left as the branch has it.
 */
final class GitRollback {

    /** What was pushed. */
    record Pushed(String commit, String branch, String message, List<String> reverted) {}

    private final String repoUrl;
    private final String branch;
    private final String path;
    private final Optional<GitCredentials> credentials;

    /** @param path the app's folder; empty for the repository's root */
    GitRollback(String repoUrl, String branch, String path, Optional<GitCredentials> credentials) {
        this.repoUrl = repoUrl;
        this.branch = branch;
        this.path = path;
        this.credentials = credentials;
    }

    /**
     * The branch an app follows: its targetRevision when that is a branch of the repository, the repository's default
     * branch for {@code HEAD} or none.
     *
     * @throws CommandFailedException for a tag or commit, on which no commit can be made
     */
    static String branchOf(String repoUrl, String targetRevision, Optional<GitCredentials> credentials) {
        var lsRemote =
                Git.lsRemoteRepository().setRemote(repoUrl).setHeads(false).setTags(false);
        credentials.ifPresent(c -> lsRemote.setCredentialsProvider(provider(c)));
        Map<String, Ref> refs;
        try {
            refs = lsRemote.callAsMap();
        } catch (GitAPIException e) {
            throw new CommandFailedException("cannot read the branches of " + repoUrl + ": " + e.getMessage());
        }
        String wanted = targetRevision == null || targetRevision.isBlank() ? "HEAD" : targetRevision.strip();
        if (wanted.equals("HEAD")) {
            Ref head = refs.get("HEAD");
            if (head == null || !head.isSymbolic()) {
                throw new CommandFailedException("the default branch of " + repoUrl + " cannot be told; set "
                        + "spec.source.targetRevision to a branch");
            }
            return Repository.shortenRefName(head.getTarget().getName());
        }
        String branch = wanted.startsWith("refs/heads/") ? wanted.substring("refs/heads/".length()) : wanted;
        if (!refs.containsKey("refs/heads/" + branch)) {
            throw new CommandFailedException("the app follows " + wanted + ", which is not a branch of " + repoUrl
                    + ": a rollback is a commit on the branch the app follows; with a tag or commit as "
                    + "targetRevision, point it at the earlier revision instead");
        }
        return branch;
    }

    Pushed revertTo(String app, String revision, String requestedBy) {
        Path clone = null;
        try {
            clone = Files.createTempDirectory("plumb-rollback");
            try (Git git = cloneBranch(clone);
                    RevWalk walk = new RevWalk(git.getRepository())) {
                Repository repository = git.getRepository();
                RevCommit head = walk.parseCommit(repository.resolve("refs/heads/" + branch));
                RevCommit target = walk.parseCommit(resolve(repository, revision));
                ObjectId restored = restoredTree(repository, head.getTree(), target.getTree());
                if (restored.equals(head.getTree())) {
                    throw new CommandFailedException("nothing to roll back: " + describePath() + " on " + branch
                            + " is already as it was at " + target.abbreviate(7).name());
                }
                List<RevCommit> reverted = commitsSince(repository, head, target);
                String message = message(app, target, reverted, requestedBy);
                ObjectId commit = commit(repository, head, restored, message);
                push(git, commit);
                return new Pushed(
                        commit.name(),
                        branch,
                        message,
                        reverted.stream().map(RevCommit::name).toList());
            }
        } catch (IOException | GitAPIException e) {
            throw new CommandFailedException("cannot roll back through " + repoUrl + ": " + e.getMessage());
        } finally {
            deleteQuietly(clone);
        }
    }

    private Git cloneBranch(Path directory) throws GitAPIException {
        var clone = Git.cloneRepository()
                .setURI(repoUrl)
                .setDirectory(directory.toFile())
                .setBare(true)
                .setBranchesToClone(List.of("refs/heads/" + branch))
                .setBranch("refs/heads/" + branch);
        credentials.ifPresent(c -> clone.setCredentialsProvider(provider(c)));
        Git git = clone.call();
        try {
            if (git.getRepository().resolve("refs/heads/" + branch) == null) {
                git.close();
                throw new CommandFailedException("the repository " + repoUrl + " has no branch " + branch
                        + ": rollback commits to the branch the app follows (spec.source.targetRevision)");
            }
        } catch (IOException e) {
            git.close();
            throw new CommandFailedException("cannot read the clone of " + repoUrl + ": " + e.getMessage());
        }
        return git;
    }

    private static ObjectId resolve(Repository repository, String revision) throws IOException {
        ObjectId id = repository.resolve(revision + "^{commit}");
        if (id == null) {
            throw new CommandFailedException("revision " + revision + " is not a commit of the branch's history");
        }
        return id;
    }

    /** The head's tree with the app's folder taken from the target's tree (or removed if the target has none). */
    private ObjectId restoredTree(Repository repository, RevTree head, RevTree target) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        addEntries(repository, head, builder, false);
        addEntries(repository, target, builder, true);
        builder.finish();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            return tree;
        }
    }

    private void addEntries(Repository repository, RevTree tree, DirCacheBuilder builder, boolean insideAppFolder)
            throws IOException {
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                if (inAppFolder(walk.getPathString()) == insideAppFolder) {
                    DirCacheEntry entry = new DirCacheEntry(walk.getPathString());
                    entry.setFileMode(walk.getFileMode(0));
                    entry.setObjectId(walk.getObjectId(0));
                    builder.add(entry);
                }
            }
        }
    }

    private boolean inAppFolder(String file) {
        return path.isEmpty() || file.equals(path) || file.startsWith(path + "/");
    }

    /** The commits on the branch after the target that touched the app's folder, newest first. */
    private List<RevCommit> commitsSince(Repository repository, RevCommit head, RevCommit target) throws IOException {
        List<RevCommit> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            walk.markUninteresting(walk.parseCommit(target));
            if (!path.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            }
            walk.forEach(commits::add);
        }
        return commits;
    }

    private String message(String app, RevCommit target, List<RevCommit> reverted, String requestedBy) {
        StringBuilder text = new StringBuilder("Revert ")
                .append(app)
                .append(" to ")
                .append(target.abbreviate(7).name())
                .append("\n\n")
                .append("Restores ")
                .append(describePath())
                .append(" to its content at ")
                .append(target.name())
                .append(" (\"")
                .append(target.getShortMessage())
                .append("\").\n\n");
        reverted.forEach(commit ->
                text.append("This reverts commit ").append(commit.name()).append(".\n"));
        return text.append(reverted.isEmpty() ? "" : "\n")
                .append("Requested-by: ")
                .append(requestedBy)
                .append('\n')
                .toString();
    }

    private ObjectId commit(Repository repository, RevCommit head, ObjectId tree, String message) throws IOException {
        // the author is whoever the user's Git configuration names, as for any commit they make
        PersonIdent author = new PersonIdent(repository);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(head);
        commit.setAuthor(author);
        commit.setCommitter(author);
        commit.setMessage(message);
        ObjectId id;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            id = inserter.insert(commit);
            inserter.flush();
        }
        RefUpdate update = repository.updateRef("refs/heads/" + branch);
        update.setExpectedOldObjectId(head);
        update.setNewObjectId(id);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
            throw new IOException("cannot move the local branch " + branch + ": " + result);
        }
        return id;
    }

    private void push(Git git, ObjectId commit) throws GitAPIException {
        var push = git.push().setRemote("origin").add("refs/heads/" + branch);
        credentials.ifPresent(c -> push.setCredentialsProvider(provider(c)));
        for (PushResult result : push.call()) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK) {
                    throw new CommandFailedException("the push of the rollback commit "
                            + commit.abbreviate(7).name()
                            + " to " + branch + " was rejected (" + update.getStatus()
                            + (update.getMessage() == null ? "" : ": " + update.getMessage())
                            + "); nothing was changed. If someone pushed meanwhile, run the rollback again.");
                }
            }
        }
    }

    private String describePath() {
        return path.isEmpty() ? "the repository" : path + "/";
    }

    private static UsernamePasswordCredentialsProvider provider(GitCredentials credentials) {
        return new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary clone left behind is harmless
        }
    }
}
