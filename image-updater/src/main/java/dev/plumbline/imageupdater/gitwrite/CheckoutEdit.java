package dev.plumbline.imageupdater.gitwrite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Edits a fresh checkout and says what to commit, or nothing when there is nothing to change. It may be called
 * again on a newer checkout when the target branch moved before the push, so it works from what it finds.
 */
@FunctionalInterface
public interface CheckoutEdit {

    Optional<PendingCommit> apply(Path checkout) throws IOException;
}
