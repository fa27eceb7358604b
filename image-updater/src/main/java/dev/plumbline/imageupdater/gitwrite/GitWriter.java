package dev.plumbline.imageupdater.gitwrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.jboss.logging.Logger;

/**
 * Writes to one config repository through a work folder of its own below {@code workRoot}, reused from call to
 * call and reset to the remote each time. Calls that use the same work folder run one at a time, also from
 * different writers of the same repository.
 */
public final class GitWriter {

    private static final Logger LOG = Logger.getLogger(GitWriter.class);
    private static final ConcurrentMap<Path, Object> FOLDER_LOCKS = new ConcurrentHashMap<>();

    /** How often a push to a target branch that keeps moving is re-done on a fresh checkout. */
    static final int TARGET_ATTEMPTS = 3;

    private final RemoteRepository remote;
    private final Path folder;
    private final Object folderLock;
    private final String authorName;
    private final String authorEmail;

    /**
     * @param url        the repository's HTTP(S) clone URL, without credentials in it
     * @param credential the username and token that may push
     */
    public GitWriter(Path workRoot, String url, WriteCredential credential, String authorName, String authorEmail) {
        this.remote = new RemoteRepository(url, credential);
        this.folder = workRoot.toAbsolutePath().normalize().resolve(RemoteRepository.folderName(url));
        this.folderLock = FOLDER_LOCKS.computeIfAbsent(folder, path -> new Object());
        this.authorName = Objects.requireNonNull(authorName, "authorName");
        this.authorEmail = Objects.requireNonNull(authorEmail, "authorEmail");
    }

    /** The work folder's checkout of {@code branch} as the remote has it now, for reading or editing. */
    public Path checkout(String branch) {
        synchronized (folderLock) {
            try (Git git = remote.freshCheckout(folder, branch)) {
                return folder;
            }
        }
    }

    /**
     * Edits a fresh checkout of {@code base} and force-pushes the commit to {@code branch}, which so always is
     * one commit on top of the current base.
     *
     * @return the pushed commit, or empty when the edit found nothing to change
     */
    public Optional<PushedCommit> pushToBranch(String base, String branch, CheckoutEdit edit) {
        synchronized (folderLock) {
            return pushToBranchLocked(base, branch, edit);
        }
    }

    private Optional<PushedCommit> pushToBranchLocked(String base, String branch, CheckoutEdit edit) {
        try (Git git = remote.freshCheckout(folder, base)) {
            Optional<PendingCommit> pending = commitEdit(git, edit);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            ObjectId commit = git.getRepository().resolve(Constants.HEAD);
            RemoteRefUpdate pushed = push(git, commit, branch, true);
            if (pushed.getStatus() != RemoteRefUpdate.Status.OK
                    && pushed.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                throw refused(branch, pushed);
            }
            LOG.infof("pushed %s to %s of %s", commit.abbreviate(12).name(), branch, remote.displayUrl());
            return Optional.of(
                    new PushedCommit(commit.name(), branch, pending.get().files()));
        } catch (IOException e) {
            throw local(e);
        }
    }

    /**
     * Edits a fresh checkout of {@code target} and pushes the commit onto it. When the branch moved meanwhile
     * (a non-fast-forward), the edit is done again on a fresh checkout, up to {@value #TARGET_ATTEMPTS} times.
     *
     * @return the pushed commit, or empty when the edit found nothing to change
     */
    public Optional<PushedCommit> pushToTarget(String target, CheckoutEdit edit) {
        synchronized (folderLock) {
            return pushToTargetLocked(target, edit);
        }
    }

    private Optional<PushedCommit> pushToTargetLocked(String target, CheckoutEdit edit) {
        for (int attempt = 1; attempt <= TARGET_ATTEMPTS; attempt++) {
            try (Git git = remote.freshCheckout(folder, target)) {
                Optional<PendingCommit> pending = commitEdit(git, edit);
                if (pending.isEmpty()) {
                    return Optional.empty();
                }
                ObjectId commit = git.getRepository().resolve(Constants.HEAD);
                RemoteRefUpdate pushed = push(git, commit, target, false);
                RemoteRefUpdate.Status status = pushed.getStatus();
                if (status == RemoteRefUpdate.Status.OK) {
                    LOG.infof("pushed %s onto %s of %s", commit.abbreviate(12).name(), target, remote.displayUrl());
                    return Optional.of(new PushedCommit(
                            commit.name(), target, pending.get().files()));
                }
                if (status != RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                        && status != RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
                    throw refused(target, pushed);
                }
                LOG.infof(
                        "%s of %s moved before the push (attempt %d of %d); editing a fresh checkout again",
                        target, remote.displayUrl(), attempt, TARGET_ATTEMPTS);
            } catch (IOException e) {
                throw local(e);
            }
        }
        throw new GitWriteException(
                GitWriteException.Kind.PUSH_REFUSED,
                true,
                "the branch " + target + " of "
                        + remote.displayUrl() + " moved before each of " + TARGET_ATTEMPTS
                        + " pushes; it is tried again"
                        + " later, or push less often to that branch",
                null);
    }

    private Optional<PendingCommit> commitEdit(Git git, CheckoutEdit edit) throws IOException {
        Optional<PendingCommit> pending = edit.apply(folder);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (String file : pending.get().files()) {
                Path path = insideCheckout(file);
                if (Files.exists(path)) {
                    git.add().addFilepattern(file).call();
                } else {
                    git.rm().setCached(true).addFilepattern(file).call();
                }
            }
            Status staged = git.status().call();
            if (staged.getAdded().isEmpty()
                    && staged.getChanged().isEmpty()
                    && staged.getRemoved().isEmpty()) {
                return Optional.empty();
            }
            PersonIdent author = new PersonIdent(authorName, authorEmail);
            RevCommit commit = git.commit()
                    .setMessage(pending.get().message())
                    .setAuthor(author)
                    .setCommitter(author)
                    .call();
            LOG.debugf("committed %s: %s", commit.abbreviate(12).name(), commit.getShortMessage());
            return pending;
        } catch (GitAPIException e) {
            throw new GitWriteException(
                    GitWriteException.Kind.LOCAL,
                    false,
                    "cannot commit in the work folder " + folder + ": " + remote.scrub(e.getMessage()),
                    e);
        }
    }

    private RemoteRefUpdate push(Git git, ObjectId commit, String branch, boolean force) {
        RefSpec spec = new RefSpec(commit.name() + ":" + Constants.R_HEADS + branch).setForceUpdate(force);
        for (PushResult result : remote.push(git, spec)) {
            RemoteRefUpdate update = result.getRemoteUpdate(Constants.R_HEADS + branch);
            if (update != null) {
                return update;
            }
        }
        throw new GitWriteException(
                GitWriteException.Kind.PUSH_REFUSED,
                false,
                remote.displayUrl() + " did not report on the push to " + branch,
                null);
    }

    private Path insideCheckout(String file) {
        Path path = folder.resolve(file).normalize();
        if (file.isEmpty()
                || !path.startsWith(folder)
                || path.equals(folder)
                || path.startsWith(folder.resolve(".git"))) {
            throw new GitWriteException(
                    GitWriteException.Kind.LOCAL, false, "the file '" + file + "' is not a file of the checkout", null);
        }
        return path;
    }

    private GitWriteException refused(String branch, RemoteRefUpdate pushed) {
        String said = pushed.getMessage() == null ? "" : ": " + remote.scrub(pushed.getMessage());
        return new GitWriteException(
                GitWriteException.Kind.PUSH_REFUSED,
                false,
                remote.displayUrl()
                        + " refused the push to " + branch + " (" + pushed.getStatus() + said + "); check the branch"
                        + " protection rules for the write credential's user",
                null);
    }

    private GitWriteException local(IOException e) {
        return new GitWriteException(
                GitWriteException.Kind.LOCAL,
                false,
                "the work folder " + folder + " failed: " + remote.scrub(String.valueOf(e.getMessage())),
                e);
    }
}
