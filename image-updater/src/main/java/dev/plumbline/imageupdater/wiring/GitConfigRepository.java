package dev.plumbline.imageupdater.wiring;

import dev.plumbline.imageupdater.config.SecretMask;
import dev.plumbline.imageupdater.config.WriteAccess;
import dev.plumbline.imageupdater.edit.FileEdit;
import dev.plumbline.imageupdater.edit.ImageEditException;
import dev.plumbline.imageupdater.edit.ImageEditor;
import dev.plumbline.imageupdater.edit.ImageOccurrence;
import dev.plumbline.imageupdater.edit.ImageTarget;
import dev.plumbline.imageupdater.gitwrite.CheckoutEdit;
import dev.plumbline.imageupdater.gitwrite.GitWriteException;
import dev.plumbline.imageupdater.gitwrite.GitWriter;
import dev.plumbline.imageupdater.gitwrite.PendingCommit;
import dev.plumbline.imageupdater.gitwrite.PushedCommit;
import dev.plumbline.imageupdater.gitwrite.WriteCredential;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.ConfigRepository;
import dev.plumbline.imageupdater.promote.FailureReason;
import dev.plumbline.imageupdater.promote.ImageFacts;
import dev.plumbline.imageupdater.promote.PromotionFailure;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The promotion core's config repository on the image editor and a {@link GitWriter} per repository, with the write
 * credential that covers it. Every read and edit works on a fresh checkout of the app's target revision.
 */
final class GitConfigRepository implements ConfigRepository {

    private final List<WriteAccess> credentials;
    private final Path workDir;
    private final String authorName;
    private final String authorEmail;
    private final SecretMask mask;
    private final ImageEditor editor = new ImageEditor();
    private final Map<String, GitWriter> writers = new ConcurrentHashMap<>();

    GitConfigRepository(
            List<WriteAccess> credentials, Path workDir, String authorName, String authorEmail, SecretMask mask) {
        this.credentials = credentials;
        this.workDir = workDir;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.mask = mask;
    }

    @Override
    public AppSource onBranch(AppSource source) {
        WriteAccess access = access(source);
        try {
            String branch = TargetBranch.of(
                    source.repoUrl(),
                    new UsernamePasswordCredentialsProvider(
                            access.username() == null ? "git" : access.username(), access.password()),
                    source.targetRevision());
            return new AppSource(source.app(), source.repoUrl(), branch, source.path());
        } catch (PromotionFailure failed) {
            throw new PromotionFailure(failed.reason(), mask.apply(failed.getMessage()));
        }
    }

    @Override
    public List<Pinned> pinned(AppSource source, String repository) {
        GitWriter writer = writer(source);
        return guarded(() -> {
            // the writer's calls hold its lock; the read of its checkout holds it too
            synchronized (writer) {
                Path checkout = writer.checkout(source.targetRevision());
                return editor.find(checkout, source.path(), repository).stream()
                        .map(occurrence ->
                                new Pinned(occurrence.file(), occurrence.reference(repository), occurrence.tag()))
                        .toList();
            }
        });
    }

    @Override
    public Pushed pushImage(AppSource source, String repository, ImageFacts image, String branch, String message) {
        ImageTarget target = new ImageTarget(repository, image.tag(), image.digest());
        String[] previous = new String[1];
        CheckoutEdit edit = checkout -> {
            previous[0] = ImageOccurrence.previous(repository, editor.find(checkout, source.path(), repository))
                    .orElse(null);
            List<FileEdit> edits = editor.edit(checkout, source.path(), target);
            for (FileEdit fileEdit : edits) {
                Files.writeString(inside(checkout, fileEdit.file()), fileEdit.after(), StandardCharsets.UTF_8);
            }
            return edits.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            new PendingCommit(edits.stream().map(FileEdit::file).toList(), message));
        };
        GitWriter writer = writer(source);
        Optional<PushedCommit> pushed;
        synchronized (writer) {
            pushed = guarded(() -> branch == null
                    ? writer.pushToTarget(source.targetRevision(), edit)
                    : writer.pushToBranch(source.targetRevision(), branch, edit));
        }
        return pushed.map(commit -> new Pushed(commit.commit(), commit.files(), previous[0]))
                .orElse(new Pushed(null, List.of(), previous[0]));
    }

    @Override
    public Pushed pushPatch(AppSource source, String patch, String branch, String message) {
        CheckoutEdit apply = checkout -> {
            List<String> changed = new ArrayList<>();
            try (Git git = Git.open(checkout.toFile())) {
                for (File file : git.apply()
                        .setPatch(new ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)))
                        .call()
                        .getUpdatedFiles()) {
                    changed.add(checkout.toAbsolutePath()
                            .relativize(file.toPath().toAbsolutePath())
                            .toString()
                            .replace(File.separatorChar, '/'));
                }
            } catch (GitAPIException refused) {
                throw new IllegalArgumentException(
                        "the patch does not apply to " + source.targetRevision() + ": " + refused.getMessage());
            }
            return changed.isEmpty() ? Optional.empty() : Optional.of(new PendingCommit(changed, message));
        };
        GitWriter writer = writer(source);
        Optional<PushedCommit> pushed;
        synchronized (writer) {
            pushed = guarded(() -> writer.pushToBranch(source.targetRevision(), branch, apply));
        }
        return pushed.map(commit -> new Pushed(commit.commit(), commit.files(), null))
                .orElse(new Pushed(null, List.of(), null));
    }

    private GitWriter writer(AppSource source) {
        WriteAccess access = access(source);
        return writers.computeIfAbsent(
                source.repoUrl(),
                url -> new GitWriter(
                        workDir,
                        url,
                        new WriteCredential(access.username() == null ? "git" : access.username(), access.password()),
                        authorName,
                        authorEmail));
    }

    private WriteAccess access(AppSource source) {
        WriteAccess access = WriteAccess.forRepository(credentials, source.repoUrl())
                .orElseThrow(() -> new PromotionFailure(
                        FailureReason.NO_WRITE_CREDENTIAL,
                        "no plumbline.write-credentials.<name>.url covers " + source.repoUrl()
                                + "; add one with write access to the repository"));
        if (access.password() == null || access.password().isEmpty()) {
            throw new PromotionFailure(
                    FailureReason.NO_WRITE_CREDENTIAL,
                    "the write credential " + access.name() + " has no password or token; set"
                            + " plumbline.write-credentials." + access.name() + ".password");
        }
        return access;
    }

    /** Runs a Git step, its failures as promotion failures with every secret masked. */
    private <T> T guarded(Supplier<T> step) {
        try {
            return step.get();
        } catch (GitWriteException failed) {
            throw new PromotionFailure(FailureReason.PUSH_REFUSED, mask.apply(failed.getMessage()));
        } catch (ImageEditException refused) {
            throw new PromotionFailure(FailureReason.NO_IMAGE_REFERENCE, refused.getMessage());
        }
    }

    private static Path inside(Path checkout, String file) throws IOException {
        Path resolved = checkout.resolve(file).normalize();
        if (!resolved.startsWith(checkout.normalize())) {
            throw new IOException(file + " lies outside the checkout");
        }
        return resolved;
    }
}
