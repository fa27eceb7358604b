package dev.plumbline.reconciler.reconcile;

import dev.plumbline.reconciler.ignored.IgnoredCommit;
import java.util.List;

/** The commits the git-watcher ignored, the newest of each app kept until the app's status shows it. */
public interface IgnoredCommitInbox {

    /** The newest ignored commit heard of for the app since its last reconcile, now taken out. */
    List<IgnoredCommit> take(String app);
}
