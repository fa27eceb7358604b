package dev.plumbline.reconciler.status;

import dev.plumbline.reconciler.application.ApplicationStatusModel.SyncRecord;
import java.util.ArrayList;
import java.util.List;

/** The last {@value #LIMIT} syncs of an Application, newest first. */
public final class SyncHistory {

    public static final int LIMIT = 10;

    private SyncHistory() {}

    /** The history with {@code latest} in front (replacing an entry of the same sync) and the oldest beyond the limit dropped. */
    public static List<SyncRecord> with(List<SyncRecord> history, SyncRecord latest) {
        List<SyncRecord> updated = new ArrayList<>(LIMIT);
        updated.add(latest);
        if (history != null) {
            history.stream()
                    .filter(entry -> !latest.syncId.equals(entry.syncId))
                    .limit(LIMIT - 1)
                    .forEach(updated::add);
        }
        return updated;
    }
}
