package dev.plumbline.gitwatcher.repo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was last announced for each ref of a repository, in {@code <data-dir>/state/<repoKey>.json}. It survives
 * restarts with the mirrors, so that a restart announces only what moved meanwhile, not every ref again.
 */
public final class ReportedStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Reported>> TYPE = new TypeReference<>() {};

    private final Path folder;

    public ReportedStore(Path folder) {
        this.folder = folder;
    }

    /** Nothing when the file is missing or unreadable: the refs are then announced afresh, which consumers tolerate. */
    public Map<String, Reported> load(String repoKey) {
        Path file = file(repoKey);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), TYPE);
        } catch (IOException unreadable) {
            return Map.of();
        }
    }

    public void save(String repoKey, Map<String, Reported> reported) throws IOException {
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, repoKey, ".partial");
        try {
            JSON.writeValue(partial.toFile(), new TreeMap<>(reported));
            try {
                Files.move(partial, file(repoKey), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file(repoKey), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Path file(String repoKey) {
        return folder.resolve(repoKey + ".json");
    }
}
