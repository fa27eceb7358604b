package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * What one fetch may take: a hard deadline ({@code plumbline.git.fetch-deadline}), the bytes of one repository
 * ({@code plumbline.git.max-repo-size}: received in one fetch, and its mirror on disk), and the free disk space
 * below which no fetch starts ({@code plumbline.git.min-free-disk}).
 *
 * @param deadline    the longest a fetch may run, whatever the server sends
 * @param maxRepoSize the most bytes one fetch may receive and one mirror may hold; 0 for no limit
 * @param minFreeDisk the free space required before a fetch starts
 * @param disk        how the free space is read
 */
public record FetchLimits(Duration deadline, long maxRepoSize, DiskThreshold minFreeDisk, DiskSpace disk) {

    /** Thrown when a fetch is refused or stopped by a limit; the message names the setting and what to do. */
    public static final class Exceeded extends IOException {
        public Exceeded(String message) {
            super(message);
        }
    }

    /** A deadline alone: no size cap, no free space required. */
    public static FetchLimits deadlineOnly(Duration deadline) {
        return new FetchLimits(deadline, 0, DiskThreshold.parse("min-free-disk", "0"), DiskSpace.ofVolume());
    }

    /** Before a fetch: refuses it when the disk is nearly full or the mirror already holds more than the cap. */
    public void checkBeforeFetch(String url, Path mirrorFolder) throws IOException {
        DiskSpace.Usage usage = disk.of(mirrorFolder);
        long required = minFreeDisk.requiredOf(usage.total());
        if (usage.free() < required) {
            throw new Exceeded("disk nearly full: " + Sizes.of(usage.free()) + " free of " + Sizes.of(usage.total())
                    + ", below plumbline.git.min-free-disk (" + minFreeDisk.text() + "); free space or raise the"
                    + " volume. No repository is fetched until then; the revisions already fetched are still served");
        }
        checkMirrorSize(url, mirrorFolder);
    }

    /** After a fetch, or while one runs: the mirror holds no more than the cap. */
    public void checkMirrorSize(String url, Path mirrorFolder) throws IOException {
        if (maxRepoSize <= 0) {
            return;
        }
        long size = sizeOf(mirrorFolder);
        if (size > maxRepoSize) {
            throw new Exceeded(tooLarge(url, "its mirror holds " + Sizes.of(size)));
        }
    }

    String tooLarge(String url, String what) {
        return "repository " + RepoUrl.safe(url) + " is larger than plumbline.git.max-repo-size ("
                + Sizes.of(maxRepoSize) + "): " + what + "; the fetch was stopped. Raise plumbline.git.max-repo-size"
                + " if the repository is meant to be this large";
    }

    String deadlinePassed(String url) {
        return "the fetch of " + RepoUrl.safe(url) + " ran longer than plumbline.git.fetch-deadline ("
                + deadline.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + ") and was stopped; the server may be slow or sending bytes one at a time. Raise"
                + " plumbline.git.fetch-deadline if the repository needs longer";
    }

    /**
     * The bytes of the files under a folder. Files and folders removed while it is walked are skipped: JGit creates
     * and deletes lock files (a gc's {@code gc.log.lock}, a ref's {@code .lock}) in a mirror while it is measured.
     */
    static long sizeOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** Sizes in binary units, as the settings are written. */
    static final class Sizes {
        private Sizes() {}

        static String of(long bytes) {
            String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < units.length - 1) {
                value /= 1024;
                unit++;
            }
            return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
        }
    }
}
