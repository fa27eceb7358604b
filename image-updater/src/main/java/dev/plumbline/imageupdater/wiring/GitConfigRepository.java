package dev.plumbline.imageupdater.wiring;

import dev.plumbline.imageupdater.config.SecretMask;
import dev.plumbline.imageupdater.config.WriteAccess;
import dev.plumbline.imageupdater.edit.FileEdit;
import dev.plumbline.imageupdater.edit.ImageEditException;
import dev.plumbline.imageupdater.edit.ImageEditor;
import dev.plumbline.imageupdater.edit.ImageTarget;
import dev.plumbline.imageupdater.edit.NoImageReferenceException;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.ConfigRepository;
import dev.plumbline.imageupdater.promote.FailureReason;
import dev.plumbline.imageupdater.promote.ImageFacts;
import dev.plumbline.imageupdater.promote.PromotionFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The config repositories over JGit with each one's write credential: every call clones the target branch afresh
 * into a folder of its own, and deletes it after. A push to the target branch that is refused because the branch
 * moved is redone on the new head a few times.
 */
final class GitConfigRepository implements ConfigRepository {

    private static final int TARGET_ATTEMPTS = 3;

    private final List<WriteAccess> credentials;
    private final Path workDir;
    private final PersonIdent author;
    private final SecretMask mask;
    private final ImageEditor editor = new ImageEditor();

    GitConfigRepository(List<WriteAccess> credentials, Path workDir, PersonIdent author, SecretMask mask) {
        this.credentials = credentials;
        this.workDir = workDir;
        this.author = author;
        this.mask = mask;
    }

    /** Work done in one fresh checkout. */
    private interface InCheckout<T> {
        T apply(Git git, Path checkout) throws IOException, GitAPIException;
    }

    /** A change to the files; returns the files it changed, repository-relative. */
    private interface Change extends InCheckout<List<String>> {}

    private record Committed(String commit, List<String> files) {}

    @Override
    public List<Pinned> pinned(AppSource source, String repository) {
        return inCheckout(source, (git, checkout) -> {
            try {
                return editor.find(checkout, source.path(), repository).stream()
                        .map(occurrence -> new Pinned(occurrence.file(), occurrence.reference(repository)))
                        .toList();
            } catch (ImageEditException unreadable) {
                throw new PromotionFailure(FailureReason.NO_IMAGE_REFERENCE, unreadable.getMessage());
            }
        });
    }

    @Override
    public Pushed pushImage(AppSource source, String repository, ImageFacts image, String branch, String message) {
        ImageTarget target = new ImageTarget(repository, image.tag(), image.digest());
        String[] previous = new String[1];
        Change edit = (git, checkout) -> {
            List<FileEdit> edits;
            try {
                previous[0] = editor.find(checkout, source.path(), repository).stream()
                        .findFirst()
                        .map(occurrence -> occurrence.reference(repository))
                        .orElse(null);
                edits = editor.edit(checkout, source.path(), target);
            } catch (NoImageReferenceException missing) {
                throw new PromotionFailure(FailureReason.NO_IMAGE_REFERENCE, missing.getMessage());
            } catch (ImageEditException refused) {
                throw new PromotionFailure(FailureReason.NO_IMAGE_REFERENCE, refused.getMessage());
            }
            for (FileEdit fileEdit : edits) {
                Files.writeString(inside(checkout, fileEdit.file()), fileEdit.after(), StandardCharsets.UTF_8);
            }
            return edits.stream().map(FileEdit::file).toList();
        };
        Committed committed =
                branch == null ? pushToTarget(source, edit, message) : pushToBranch(source, edit, branch, message);
        return new Pushed(committed.commit(), committed.files(), previous[0]);
    }

    @Override
    public Pushed pushPatch(AppSource source, String patch, String branch, String message) {
        Change apply = (git, checkout) -> {
            List<String> changed = new ArrayList<>();
            for (java.io.File file : git.apply()
                    .setPatch(new ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)))
                    .call()
                    .getUpdatedFiles()) {
                changed.add(checkout.toAbsolutePath()
                        .relativize(file.toPath().toAbsolutePath())
                        .toString()
                        .replace('\\', '/'));
            }
            return changed;
        };
        Committed committed = pushToBranch(source, apply, branch, message);
        return new Pushed(committed.commit(), committed.files(), null);
    }

    private Committed pushToBranch(AppSource source, Change change, String branch, String message) {
        return inCheckout(source, (git, checkout) -> commitAndPush(git, checkout, change, branch, true, message));
    }

    private Committed pushToTarget(AppSource source, Change change, String message) {
        PromotionFailure last = null;
        for (int attempt = 1; attempt <= TARGET_ATTEMPTS; attempt++) {
            try {
                return inCheckout(
                        source,
                        (git, checkout) -> commitAndPush(
                                git, checkout, change, git.getRepository().getBranch(), false, message));
            } catch (PromotionFailure refused) {
                if (refused.reason() != FailureReason.PUSH_REFUSED
                        || !refused.getMessage().contains("moved")) {
                    throw refused;
                }
                last = refused;
            }
        }
        throw last;
    }

    private Committed commitAndPush(Git git, Path checkout, Change change, String branch, boolean force, String message)
            throws IOException, GitAPIException {
        List<String> files = change.apply(git, checkout);
        if (files.isEmpty()) {
            return new Committed(null, List.of());
        }
        for (String file : files) {
            git.add().addFilepattern(file).call();
        }
        RevCommit commit = git.commit()
                .setMessage(message)
                .setAuthor(author)
                .setCommitter(author)
                .setSign(false)
                .call();
        Iterable<PushResult> results = git.push()
                .setCredentialsProvider(credentials(git))
                .setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch))
                .setForce(force)
                .call();
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD) {
                    throw new PromotionFailure(
                            FailureReason.PUSH_REFUSED,
                            "the branch " + branch + " moved while"
                                    + " the change was made; it is made again on the new head");
                }
                if (update.getStatus() != RemoteRefUpdate.Status.OK
                        && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new PromotionFailure(
                            FailureReason.PUSH_REFUSED,
                            "the push to " + branch + " was refused ("
                                    + update.getStatus()
                                    + (update.getMessage() == null ? "" : ": " + update.getMessage())
                                    + "); check that the write credential may push there and that no branch protection forbids it");
                }
            }
        }
        return new Committed(commit.getName(), files);
    }

    private <T> T inCheckout(AppSource source, InCheckout<T> work) {
        WriteAccess access = WriteAccess.forRepository(credentials, source.repoUrl())
                .orElseThrow(() -> new PromotionFailure(
                        FailureReason.NO_WRITE_CREDENTIAL,
                        "no plumbline.write-credentials.<name>.url covers " + source.repoUrl()
                                + "; add one with write access to the repository"));
        Path checkout;
        try {
            Files.createDirectories(workDir);
            checkout = Files.createTempDirectory(workDir, source.app() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a checkout folder under " + workDir, e);
        }
        try (Git git = clone(source, access, checkout)) {
            return work.apply(git, checkout);
        } catch (IOException | GitAPIException failed) {
            throw new PromotionFailure(
                    FailureReason.PUSH_REFUSED,
                    mask.apply("cannot write to " + source.repoUrl() + " (" + source.targetRevision() + "): "
                            + failed.getMessage()));
        } finally {
            delete(checkout);
        }
    }

    private Git clone(AppSource source, WriteAccess access, Path checkout) throws GitAPIException {
        var clone = Git.cloneRepository()
                .setURI(source.repoUrl())
                .setDirectory(checkout.toFile())
                .setCredentialsProvider(provider(access));
        if (!"HEAD".equals(source.targetRevision())) {
            clone.setBranch(source.targetRevision())
                    .setBranchesToClone(List.of("refs/heads/" + source.targetRevision()));
        }
        return clone.call();
    }

    private UsernamePasswordCredentialsProvider credentials(Git git) {
        String url = git.getRepository().getConfig().getString("remote", "origin", "url");
        return WriteAccess.forRepository(credentials, url)
                .map(GitConfigRepository::provider)
                .orElse(null);
    }

    private static UsernamePasswordCredentialsProvider provider(WriteAccess access) {
        if (access.password() == null) {
            return null;
        }
        return new UsernamePasswordCredentialsProvider(
                access.username() == null ? "git" : access.username(), access.password());
    }

    private static Path inside(Path checkout, String file) {
        Path resolved = checkout.resolve(file).normalize();
        if (!resolved.startsWith(checkout)) {
            throw new PromotionFailure(FailureReason.NO_IMAGE_REFERENCE, file + " lies outside the checkout");
        }
        return resolved;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a checkout left behind is removed with the work folder; it holds no secret
        }
    }
}
