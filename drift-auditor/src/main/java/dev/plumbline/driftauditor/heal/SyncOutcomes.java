package dev.plumbline.driftauditor.heal;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.vocabulary.ApplyResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Which syncs succeeded, told from their apply actions: a sync succeeded when its last action arrives and every one
 * of its actions succeeded. An app's actions come in order on one partition, so remembering the app's sync that had
 * a failure is enough. Not thread-safe: used on the drift loop's thread.
 */
public final class SyncOutcomes {

    private final Map<String, String> failedSyncOfApp = new HashMap<>();

    /** Whether {@code action} completes a sync of its app in which every action succeeded. */
    public boolean completesSuccessfulSync(ApplyAction action) {
        if (action.result() != ApplyResult.SUCCEEDED) {
            failedSyncOfApp.put(action.app(), action.syncId());
        }
        if (!action.lastOfSync()) {
            return false;
        }
        String failedSync = failedSyncOfApp.remove(action.app());
        return !action.syncId().equals(failedSync);
    }
}
