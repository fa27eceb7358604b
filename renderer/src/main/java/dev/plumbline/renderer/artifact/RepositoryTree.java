package dev.plumbline.renderer.artifact;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The files of one commit, extracted under a scratch folder. Every path an Application names goes through
 * {@link #resolve} so that nothing a repository says can lead a renderer outside it.
 */
public final class RepositoryTree {

    private final Path root;
    private final List<RefusedEntry> refused;

    public RepositoryTree(Path root, List<RefusedEntry> refused) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("no extracted tree at " + root, e);
        }
        this.refused = List.copyOf(refused);
    }

    public Path root() {
        return root;
    }

    public List<RefusedEntry> refused() {
        return refused;
    }

    /** A repository path (relative to the root, {@code ""} for the root) as a path on disk, refused if it escapes. */
    public Path resolve(String repositoryPath) {
        return resolve(root, repositoryPath, null);
    }

    /**
     * A path written in a repository file, relative to the folder {@code base}, refused if it leads outside the
     * repository (by {@code ..}, an absolute path or a symlink).
     *
     * @param mentionedIn the repository file that names it, for the message; null for the Application's own path
     */
    public Path resolve(Path base, String reference, String mentionedIn) {
        if (reference.startsWith("/") || Path.of(reference).isAbsolute()) {
            throw escape(RenderFailureReason.UNSAFE_PATH, reference, mentionedIn, "it is an absolute path");
        }
        Path resolved = base.resolve(reference).normalize();
        if (!resolved.startsWith(root)) {
            throw escape(RenderFailureReason.UNSAFE_PATH, reference, mentionedIn, "it leads outside the repository");
        }
        String repositoryPath = repositoryPath(resolved);
        for (RefusedEntry entry : refused) {
            if (entry.covers(repositoryPath)) {
                throw refusal(entry, repositoryPath);
            }
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (!resolved.toRealPath().startsWith(root)) {
                    throw escape(
                            RenderFailureReason.SYMLINK_OUT_OF_TREE,
                            reference,
                            mentionedIn,
                            "a symlink leads outside the repository");
                }
            } catch (IOException e) {
                throw escape(
                        RenderFailureReason.UNSAFE_PATH,
                        reference,
                        mentionedIn,
                        "a symlink on the way leads nowhere (" + e.getMessage() + ")");
            }
        }
        return resolved;
    }

    /** The repository path of a file under the root, with {@code /} separators. */
    public String repositoryPath(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Fails when an Application that reads these repository paths would read an entry refused at extraction. */
    public void checkNoRefusedEntryUnder(Collection<String> inputs) {
        for (RefusedEntry entry : refused) {
            for (String input : inputs) {
                if (entry.isUnder(input)) {
                    throw refusal(entry, input);
                }
            }
        }
    }

    private static RenderFailure refusal(RefusedEntry entry, String input) {
        return new RenderFailure(
                entry.reason(),
                entry.name() + ": " + entry.why() + "; Plumbline refused it, so nothing that reads " + displayed(input)
                        + " renders" + remedy(entry),
                entry.name(),
                null);
    }

    private static String remedy(RefusedEntry entry) {
        return entry.reason() == RenderFailureReason.SYMLINK_OUT_OF_TREE
                ? "; commit the file itself, or a link that stays inside the repository"
                : "";
    }

    private static String displayed(String input) {
        return input.isEmpty() ? "the repository root" : input;
    }

    private static RenderFailure escape(RenderFailureReason reason, String reference, String mentionedIn, String why) {
        String subject =
                mentionedIn == null ? "the Application's path " + reference : mentionedIn + " names " + reference;
        return new RenderFailure(
                reason,
                subject + ", but " + why + "; Plumbline only reads files inside the repository",
                mentionedIn,
                null);
    }
}
