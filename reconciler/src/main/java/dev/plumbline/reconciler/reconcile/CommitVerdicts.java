package dev.plumbline.reconciler.reconcile;

import dev.plumbline.reconciler.ignored.RefusedCommit;
import java.util.Optional;

/** The git-watcher's latest word on each watched branch: which Applications may not deploy the commit it moved to. */
public interface CommitVerdicts {

    /**
     * The latest verified commit event on the branch the app follows, as it concerns the app: refused or allowed.
     * Empty when none has been heard of.
     */
    Optional<RefusedCommit> latest(String app, String repoUrl, String targetRevision);
}
