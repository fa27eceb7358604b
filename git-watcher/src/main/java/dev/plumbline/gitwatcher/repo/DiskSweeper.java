package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what a repository left in the data folder (its mirror in {@code repos/}, its artifacts in
 * {@code artifacts/}, its announced refs in {@code state/}) once no Application has watched it for the grace period.
 * The grace period spares a repository whose Application is deleted and created again, and the commits a renderer may
 * still be downloading. Folders found at start-up count as unwatched from then: the Applications are still being read
 * and the watched set is not complete yet.
 */
public final class DiskSweeper {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern ARTIFACT = Pattern.compile("([0-9a-f]{40})\\.tar\\.gz");
    private static final Pattern STATE_FILE = Pattern.compile("([0-9a-f]{16})\\.json");

    private final Path dataDir;
    private final Duration grace;
    private final Clock clock;
    private final Map<String, Instant> unwatchedSince = new HashMap<>();

    public DiskSweeper(Path dataDir, Duration grace, Clock clock) {
        this.dataDir = dataDir;
        this.grace = grace;
        this.clock = clock;
    }

    /**
     * Notes which repositories on disk are not watched and removes those unwatched for the grace period.
     *
     * @return the keys of the repositories removed
     */
    public synchronized List<String> sweep(Set<String> watchedKeys) throws IOException {
        Instant now = clock.instant();
        Set<String> onDisk = keysOnDisk();
        unwatchedSince.keySet().retainAll(onDisk);
        unwatchedSince.keySet().removeAll(watchedKeys);
        List<String> removed = new ArrayList<>();
        for (String key : onDisk) {
            if (watchedKeys.contains(key)) {
                continue;
            }
            Instant since = unwatchedSince.computeIfAbsent(key, k -> now);
            if (!now.isBefore(since.plus(grace))) {
                remove(key);
                unwatchedSince.remove(key);
                removed.add(key);
            }
        }
        return removed;
    }

    /**
     * Removes the artifacts of a watched repository's commits that no ref announces any more and that were built
     * longer ago than the retention: a renderer still downloading one had the retention to do so. The announced ones
     * stay whatever their age, since an Application deploys them.
     *
     * @return the SHAs whose artifacts were removed
     */
    public synchronized List<String> removeOldArtifacts(String key, Set<String> announced, Duration retention)
            throws IOException {
        Instant before = clock.instant().minus(retention);
        List<String> removed = new ArrayList<>();
        for (Path file : list(dataDir.resolve("artifacts").resolve(key))) {
            var tarball = ARTIFACT.matcher(file.getFileName().toString());
            if (!tarball.matches() || announced.contains(tarball.group(1))) {
                continue;
            }
            if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                Files.deleteIfExists(file.resolveSibling(tarball.group(1) + ".sha256"));
                Files.deleteIfExists(file);
                removed.add(tarball.group(1));
            }
        }
        removed.sort(null);
        return removed;
    }

    private Set<String> keysOnDisk() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path name : list(dataDir.resolve("repos"))) {
            if (KEY.matcher(name.getFileName().toString()).matches()) {
                keys.add(name.getFileName().toString());
            }
        }
        for (Path name : list(dataDir.resolve("artifacts"))) {
            if (KEY.matcher(name.getFileName().toString()).matches()) {
                keys.add(name.getFileName().toString());
            }
        }
        for (Path name : list(dataDir.resolve("state"))) {
            var state = STATE_FILE.matcher(name.getFileName().toString());
            if (state.matches()) {
                keys.add(state.group(1));
            }
        }
        return keys;
    }

    private void remove(String key) throws IOException {
        // the state goes first: should removing the rest fail half-way, the refs are announced afresh on return
        Files.deleteIfExists(dataDir.resolve("state").resolve(key + ".json"));
        deleteTree(dataDir.resolve("repos").resolve(key));
        deleteTree(dataDir.resolve("artifacts").resolve(key));
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
