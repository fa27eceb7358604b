package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The free and total space of the volume holding a folder; a test gives a disk that is nearly full. */
public interface DiskSpace {

    /** @param free bytes this process may still write; @param total the volume's size */
    record Usage(long free, long total) {}

    Usage of(Path folder) throws IOException;

    /** The volume as the operating system reports it. */
    static DiskSpace ofVolume() {
        return folder -> {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            FileStore store = Files.getFileStore(existing == null ? Path.of(".") : existing);
            return new Usage(store.getUsableSpace(), store.getTotalSpace());
        };
    }
}
