package dev.plumbline.gitwatcher.webhook;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The deliveries of a {@link DeliveryLog} on disk: one line per delivery ({@code <epoch millis> <key>}), appended as
 * they come and rewritten from the log once as many lines were added as the log holds, so the file stays under twice
 * the log's capacity. A disk that fails costs only the memory across restarts: the failure is logged and deliveries
 * go on.
 */
final class DeliveryFile {

    private static final Logger LOG = Logger.getLogger(DeliveryFile.class);

    private final Path path;
    private int appended;
    private boolean failing;

    DeliveryFile(Path path) {
        this.path = path;
    }

    /** The deliveries written by an earlier run, oldest first; a torn or foreign line is skipped. */
    Map<String, Instant> load() {
        Map<String, Instant> read = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].matches("\\d{1,19}") && parts[1].matches("[0-9a-f]{64}")) {
                    read.remove(parts[1]); // seen again after its window: kept at its latest place, in time order
                    read.put(parts[1], Instant.ofEpochMilli(Long.parseLong(parts[0])));
                }
            }
        } catch (NoSuchFileException first) {
            return read;
        } catch (IOException | NumberFormatException e) {
            LOG.warnf("the deliveries seen before the restart cannot be read from %s: %s", path, e.getMessage());
        }
        return read;
    }

    /** Appends one delivery; returns the lines appended since the file was last rewritten. */
    int append(String key, Instant seen) {
        write(() -> Files.writeString(
                path,
                seen.toEpochMilli() + " " + key + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
        return ++appended;
    }

    /** Replaces the file with exactly these deliveries, atomically: a crash leaves the old file or the new one. */
    void rewrite(Map<String, Instant> deliveries) {
        write(() -> {
            Path fresh = path.resolveSibling(path.getFileName() + ".new");
            try (Writer out = Files.newBufferedWriter(fresh, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, Instant> entry : deliveries.entrySet()) {
                    out.write(entry.getValue().toEpochMilli() + " " + entry.getKey() + "\n");
                }
            }
            Files.move(fresh, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
        appended = 0;
    }

    private interface DiskWrite {
        void run() throws IOException;
    }

    private void write(DiskWrite write) {
        try {
            Files.createDirectories(path.getParent());
            write.run();
            if (failing) {
                LOG.infof("the deliveries seen are written to %s again", path);
                failing = false;
            }
        } catch (IOException e) {
            if (!failing) {
                LOG.warnf(
                        "the deliveries seen cannot be written to %s (%s): a redelivery after a restart would be"
                                + " taken for a new delivery until this is fixed",
                        path, e.getMessage());
                failing = true;
            }
        }
    }
}
