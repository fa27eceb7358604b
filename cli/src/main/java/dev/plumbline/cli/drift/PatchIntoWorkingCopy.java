package dev.plumbline.cli.drift;

import dev.plumbline.cli.connect.CommandFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Applies the drift-auditor's unified diff to a working copy of the config repository, as {@code git apply} would:
 * paths in the diff are the repository's, so they are taken from the working copy's root wherever in it DIR is.
 */
final class PatchIntoWorkingCopy {

    record Result(Path workTree, List<String> files, List<String> notes) {}

    private PatchIntoWorkingCopy() {}

    static Result apply(Path directory, String patch) {
        List<String> notes = patch.lines()
                .filter(line -> line.startsWith("# "))
                .map(line -> line.substring(2))
                .toList();
        FileRepositoryBuilder builder = new FileRepositoryBuilder()
                .findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new CommandFailedException(directory + " is not in a Git working copy: --to needs a clone of the "
                    + "app's config repository");
        }
        try (Repository repository = builder.build();
                Git git = new Git(repository)) {
            var applied = git.apply()
                    .setPatch(new ByteArrayInputStream(patch.getBytes(StandardCharsets.UTF_8)))
                    .call();
            List<String> files = applied.getUpdatedFiles().stream()
                    .map(file -> repository
                            .getWorkTree()
                            .toPath()
                            .relativize(file.toPath())
                            .toString())
                    .toList();
            return new Result(repository.getWorkTree().toPath(), files, notes);
        } catch (IOException e) {
            throw new CommandFailedException("cannot open the working copy at " + directory + ": " + e.getMessage());
        } catch (GitAPIException e) {
            throw new CommandFailedException("the drift patch does not apply to " + directory + " (" + e.getMessage()
                    + "). The drift-auditor writes files back in the rendered form (block style, two-space "
                    + "indentation, no comments); print the patch with 'plumb drift export' without --to and make "
                    + "its changes by hand.");
        }
    }
}
