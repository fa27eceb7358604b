package dev.plumbline.renderer.artifact;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Where paths of an extracted tree really lead, links followed as the kernel follows them. A link's text says
 * little: with {@code d -> .}, the text {@code d/d/d/../../..} names the link's own folder while the real path
 * climbs three folders above it (as Argo CD found, CVE-2022-24730).
 */
final class RealPaths {

    private RealPaths() {}

    /**
     * Whether writing {@code path} would land outside {@code root}: the path itself if it exists (an earlier entry
     * may have made it a link), else its nearest existing folder, really lies outside or is a link leading nowhere.
     */
    static boolean leadsOutside(Path path, Path root) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return true;
        }
        try {
            return !existing.toRealPath().startsWith(root);
        } catch (IOException danglingOrLooping) {
            return true;
        }
    }

    /**
     * Removes every link under {@code root} whose real path leaves it (or, dangling, would on its way), and reports
     * each as a refused entry so that the Applications reading it fail naming it. Links that lead nowhere inside the
     * tree (dangling, or a loop) are removed too, unreported: nothing can be read through them either way, and
     * nothing may be written through them.
     */
    static List<RefusedEntry> removeLinksLeadingOutside(Path root) throws IOException {
        List<Path> links = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isSymbolicLink()) {
                    links.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // judged first, removed after: removing one link must not change where another one leads
        List<Path> doomed = new ArrayList<>();
        List<RefusedEntry> refused = new ArrayList<>();
        for (Path link : links) {
            if (!reach(link).startsWith(root)) {
                refused.add(new RefusedEntry(
                        root.relativize(link).toString().replace('\\', '/'),
                        "a symlink to " + Files.readSymbolicLink(link)
                                + ", whose real path (following the links on its way) leads outside the repository",
                        RenderFailureReason.SYMLINK_OUT_OF_TREE));
                doomed.add(link);
            } else if (!Files.exists(link)) {
                doomed.add(link);
            }
        }
        for (Path link : doomed) {
            Files.delete(link);
        }
        return refused;
    }

    /**
     * The real path of the farthest point a link's target reaches: the target itself, or the last folder on its way
     * that exists (the kernel stops there too, so a dangling link that points outside still counts as outside).
     */
    private static Path reach(Path link) throws IOException {
        Path target = link.getParent().toRealPath().resolve(Files.readSymbolicLink(link));
        Path reached = target;
        while (reached != null && !Files.exists(reached)) {
            reached = reached.getParent();
        }
        try {
            return reached == null ? target.getRoot() : reached.toRealPath();
        } catch (IOException vanished) {
            return target.getRoot();
        }
    }
}
