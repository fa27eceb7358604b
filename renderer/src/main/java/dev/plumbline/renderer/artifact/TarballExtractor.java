package dev.plumbline.renderer.artifact;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts the git-watcher's tarball of a commit (gzip-compressed tar, names relative to the repository root)
 * without ever writing or linking outside the target folder. Entries that would (a name with {@code ..}, an
 * absolute name, a symlink leading out, an entry whose folder is reached through such a symlink, a hard link, a
 * device) are left out and reported, not fatal: only the Applications that read them fail. Once every entry is
 * written, each symlink is resolved by its real path, since a chain such as {@code d -> .} and
 * {@code x -> d/d/../../..} leaves the tree while its text does not: those are removed and reported too.
 */
public final class TarballExtractor {

    private static final int EXECUTABLE_BITS = 0111;

    private final long maxExtractedBytes;

    /** @param maxExtractedBytes the most one tarball's files may add up to once extracted: a gzip bomb stops there */
    public TarballExtractor(long maxExtractedBytes) {
        this.maxExtractedBytes = maxExtractedBytes;
    }

    /**
     * @param tarball the verified artifact
     * @param target  an empty folder, the repository root once extracted
     * @throws RenderFailure ({@code artifact-unavailable}) when the tarball is not a readable gzip tar or is too large
     */
    public RepositoryTree extract(Path tarball, Path target) {
        List<RefusedEntry> refused = new ArrayList<>();
        try (InputStream file = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 64 * 1024))) {
            Path root = target.toRealPath();
            long written = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isGlobalPaxHeader() || entry.isPaxHeader()) {
                    continue;
                }
                RefusedEntry refusal = refusalOf(entry, root);
                if (refusal != null) {
                    refused.add(refusal);
                    continue;
                }
                Path path = root.resolve(stripDotSlash(entry.getName())).normalize();
                if (RealPaths.leadsOutside(path, root)) {
                    refused.add(new RefusedEntry(
                            entry.getName(),
                            "it would be written through a symlink leading outside the repository (or nowhere)",
                            RenderFailureReason.SYMLINK_OUT_OF_TREE));
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    written += copy(tar, path, maxExtractedBytes - written);
                    if ((entry.getMode() & EXECUTABLE_BITS) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
            refused.addAll(RealPaths.removeLinksLeadingOutside(root));
            return new RepositoryTree(root, refused);
        } catch (IOException | IllegalArgumentException e) {
            throw new RenderFailure(
                    RenderFailureReason.ARTIFACT_UNAVAILABLE,
                    "the artifact is not a readable gzip-compressed tar: " + e.getMessage(),
                    null,
                    null,
                    e);
        }
    }

    /** Why the entry may not be extracted; null when it may. */
    private static RefusedEntry refusalOf(TarArchiveEntry entry, Path root) {
        String problem = problemWith(entry, root);
        if (problem == null) {
            return null;
        }
        boolean linkLeadingOut = entry.isSymbolicLink() && problem.startsWith("a symlink");
        return new RefusedEntry(
                entry.getName(),
                problem,
                linkLeadingOut ? RenderFailureReason.SYMLINK_OUT_OF_TREE : RenderFailureReason.UNSAFE_PATH);
    }

    private static String problemWith(TarArchiveEntry entry, Path root) {
        String name = entry.getName();
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "an absolute path in the tarball";
        }
        if (hasDotDot(name)) {
            return "a path with '..' in the tarball";
        }
        if (entry.isSymbolicLink()) {
            String link = entry.getLinkName();
            Path entryPath = root.resolve(stripDotSlash(name)).normalize();
            if (link.startsWith("/")
                    || !entryPath.getParent().resolve(link).normalize().startsWith(root)) {
                return "a symlink to " + link + ", outside the repository";
            }
            return null;
        }
        if (entry.isLink()) {
            return "a hard link, which the artifact format does not allow";
        }
        if (!entry.isFile() && !entry.isDirectory()) {
            return "neither a file, a folder nor a symlink";
        }
        return null;
    }

    private static boolean hasDotDot(String name) {
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String stripDotSlash(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private long copy(InputStream in, Path path, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(path)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > budget) {
                    throw new RenderFailure(
                            RenderFailureReason.ARTIFACT_UNAVAILABLE,
                            "the artifact extracts to " + "more than " + maxExtractedBytes
                                    + " bytes (plumbline.artifact.max-extracted-bytes)");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }
}
