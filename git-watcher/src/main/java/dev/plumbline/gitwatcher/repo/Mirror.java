package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.TransportHttp;

/**
 * The bare mirror of one repository in the data folder. A fetch copies every branch and tag and drops the ones the
 * remote deleted, so that the mirror says what the remote says; commits stay in its object store, which is what lets
 * a pinned SHA and a force-pushed-away commit still be read.
 */
public final class Mirror implements AutoCloseable {

    private static final List<RefSpec> MIRROR_SPECS =
            List.of(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));
    private static final String REMOTE_HEAD = "refs/plumbline/remote-head";

    private final Repository repository;

    private Mirror(Repository repository) {
        this.repository = repository;
    }

    /** Opens the mirror in that folder, creating an empty bare repository on first use. */
    public static Mirror open(Path folder) throws IOException {
        Repository repository = FileRepositoryBuilder.create(folder.toFile());
        if (!Files.exists(folder.resolve("HEAD"))) {
            Files.createDirectories(folder);
            repository.create(true);
        }
        return new Mirror(repository);
    }

    public Repository repository() {
        return repository;
    }

    /**
     * Fetches every branch and tag. The remote's HEAD is fetched too, so that its default branch is known for
     * Applications that follow {@code HEAD}. The fetch is refused when the disk is nearly full or the mirror is over
     * the size cap, and stopped at the deadline or once it receives more than the cap ({@link FetchGuard}).
     *
     * @param timeout JGit's own: the longest wait for the next bytes
     * @throws FetchLimits.Exceeded when a limit refused or stopped it, naming the setting
     */
    public MirrorRefs fetch(String url, TransportAuth auth, Duration timeout, FetchLimits limits)
            throws GitAPIException, IOException {
        Path folder = repository.getDirectory().toPath();
        limits.checkBeforeFetch(url, folder);
        List<RefSpec> specs = new java.util.ArrayList<>(MIRROR_SPECS);
        specs.add(new RefSpec("+HEAD:" + REMOTE_HEAD));
        FetchResult result;
        try (FetchGuard guard = new FetchGuard(limits, url, folder)) {
            try {
                result = auth.apply(Git.wrap(repository).fetch(), transport -> {
                            if (transport instanceof TransportHttp http) {
                                http.setHttpConnectionFactory(new GuardedHttpConnections(guard));
                            }
                            guard.opened(transport);
                        })
                        .setRemote(url)
                        .setRefSpecs(specs)
                        .setRemoveDeletedRefs(true)
                        .setTagOpt(TagOpt.NO_TAGS)
                        .setTimeout((int) Math.max(1, timeout.toSeconds()))
                        .setProgressMonitor(guard.progress())
                        .call();
            } catch (GitAPIException | RuntimeException e) {
                if (guard.stopped() != null) {
                    // however JGit worded the interrupted read, the limit is what the user needs to read
                    throw new FetchLimits.Exceeded(guard.stopped());
                }
                if (e instanceof TransportException) {
                    // the explanation replaces JGit's words, which are not repeated after it
                    throw new TransportException(auth.explain(e.getMessage(), url));
                }
                throw e;
            }
        }
        limits.checkMirrorSize(url, folder);
        rememberDefaultBranch(result.getAdvertisedRef(Constants.HEAD));
        return refs();
    }

    /** The branches and tags as the last fetch left them. */
    public MirrorRefs refs() throws IOException {
        Map<String, String> commits = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_TAGS)) {
                try {
                    commits.put(
                            ref.getName(), walk.parseCommit(ref.getObjectId()).name());
                } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException tagOfATree) {
                    // a tag may name a tree or a blob; it can never be a revision an Application deploys
                }
            }
        }
        Ref head = repository.exactRef(Constants.HEAD);
        String headTarget = head != null
                        && head.isSymbolic()
                        && commits.containsKey(head.getTarget().getName())
                ? head.getTarget().getName()
                : null;
        return new MirrorRefs(commits, headTarget);
    }

    public boolean hasCommit(String sha) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.parseCommit(ObjectId.fromString(sha));
            return true;
        } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the mirror: " + e.getMessage(), e);
        }
    }

    public boolean isAncestor(String ancestor, String descendant) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit old = walk.parseCommit(ObjectId.fromString(ancestor));
            RevCommit now = walk.parseCommit(ObjectId.fromString(descendant));
            return walk.isMergedInto(old, now);
        } catch (MissingObjectException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the mirror: " + e.getMessage(), e);
        }
    }

    /**
     * Points the mirror's HEAD at the remote's default branch: by name when the remote says it (a symbolic ref),
     * otherwise at the branch holding the same commit, preferring main and master.
     */
    private void rememberDefaultBranch(Ref advertisedHead) throws IOException {
        String target = null;
        if (advertisedHead != null && advertisedHead.isSymbolic()) {
            target = advertisedHead.getTarget().getName();
        } else if (advertisedHead != null && advertisedHead.getObjectId() != null) {
            target = branchAt(advertisedHead.getObjectId());
        }
        if (target != null && repository.exactRef(target) != null) {
            RefUpdate update = repository.updateRef(Constants.HEAD);
            update.disableRefLog();
            update.link(target);
        }
    }

    private String branchAt(ObjectId commit) throws IOException {
        String found = null;
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            if (commit.equals(ref.getObjectId())) {
                String name = ref.getName();
                if (name.equals("refs/heads/main") || name.equals("refs/heads/master")) {
                    return name;
                }
                found = found == null ? name : found;
            }
        }
        return found;
    }

    @Override
    public void close() {
        repository.close();
    }
}
