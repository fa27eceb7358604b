package dev.plumbline.imageupdater.gitwrite;

import java.util.List;
import java.util.Objects;

/**
 * What an edit wants committed: the files it changed (relative to the checkout, {@code /}-separated; a file it
 * deleted is recorded as deleted) and the whole message, trailers included.
 */
public record PendingCommit(List<String> files, String message) {

    public PendingCommit {
        files = List.copyOf(files);
        Objects.requireNonNull(message, "message");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a commit changes at least one file");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("a commit has a message");
        }
    }
}
