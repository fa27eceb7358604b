package dev.plumbline.sandbox.git;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.util.FS;

/**
 * The folder whose bare repositories a {@link GitServer} serves. A name such as {@code org/app} or
 * {@code org/app.git} maps to the folder {@code org/app.git} below the root, and no name can reach a folder
 * outside it: absolute names, {@code .} and {@code ..} segments, empty segments and backslashes are refused.
 */
final class RepositoryRoot implements RepositoryResolver<HttpServletRequest> {

    private static final String SUFFIX = ".git";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private final Path root;

    RepositoryRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path path() {
        return root;
    }

    /** The name as served: relative, slash-separated, ending in {@code .git}. */
    static String canonicalName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a repository name is not empty");
        }
        String withSuffix = name.endsWith(SUFFIX) ? name : name + SUFFIX;
        for (String segment : withSuffix.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("not a repository name below the root: " + name);
            }
        }
        return withSuffix;
    }

    Path folderOf(String name) {
        Path folder = root.resolve(canonicalName(name)).normalize();
        // the name check already keeps it inside; this guards against a future change of that check
        if (!folder.startsWith(root) || folder.equals(root)) {
            throw new IllegalArgumentException("not a repository name below the root: " + name);
        }
        return folder;
    }

    /** Creates the bare repository with {@code main} as its default branch, or leaves an existing one alone. */
    Path createBare(String name) throws IOException {
        Path folder = folderOf(name);
        if (FileKey.isGitRepository(folder.toFile(), FS.DETECTED)) {
            return folder;
        }
        Files.createDirectories(folder);
        try {
            Git.init()
                    .setBare(true)
                    .setInitialBranch("main")
                    .setDirectory(folder.toFile())
                    .call()
                    .close();
            return folder;
        } catch (GitAPIException e) {
            throw new IOException("cannot create the bare repository " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The folder of an existing repository of that name, reached without leaving the root; null otherwise. */
    Path existing(String name) {
        Path folder;
        try {
            folder = folderOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return FileKey.isGitRepository(folder.toFile(), FS.DETECTED) && insideRootOnDisk(folder) ? folder : null;
    }

    @Override
    public Repository open(HttpServletRequest request, String name) throws RepositoryNotFoundException {
        Path folder;
        try {
            folder = folderOf(name);
        } catch (IllegalArgumentException e) {
            throw new RepositoryNotFoundException(name);
        }
        if (!FileKey.isGitRepository(folder.toFile(), FS.DETECTED) || !insideRootOnDisk(folder)) {
            throw new RepositoryNotFoundException(name);
        }
        try {
            return FileKey.exact(folder.toFile(), FS.DETECTED).open(true);
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }

    /** A symbolic link below the root must not lead to a repository elsewhere on the machine. */
    private boolean insideRootOnDisk(Path folder) {
        try {
            return folder.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
