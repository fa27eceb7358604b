package dev.plumbline.renderer.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** A folder of one commit's renders, removed with everything in it when closed, symlinks not followed. */
public final class ScratchFolder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScratchFolder.class);

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    public static ScratchFolder create(Path base) {
        try {
            Files.createDirectories(base);
            return new ScratchFolder(Files.createTempDirectory(base, "commit-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder under " + base, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Removes the folders left by a renderer that stopped without cleaning up (killed, or out of power). */
    public static void removeLeftovers(Path base) {
        if (Files.isDirectory(base)) {
            delete(base);
        }
    }

    /** Removes a folder of the renderer's own, if it is there: what cannot be removed is logged, never thrown. */
    public static void remove(Path folder) {
        removeLeftovers(folder);
    }

    /** Removes the folder; what cannot be removed is logged, never thrown: the renders are already published. */
    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                file.toFile().setWritable(true);
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf(e, "cannot remove the scratch folder %s; it is removed at the next start", folder);
        }
    }
}
