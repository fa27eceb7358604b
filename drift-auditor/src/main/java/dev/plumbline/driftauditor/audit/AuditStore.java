package dev.plumbline.driftauditor.audit;

import dev.plumbline.events.AuditRecord;
import java.util.List;

/** Where the trail is kept: the audit topic in the service, a list in tests. */
public interface AuditStore {

    /** The partition (or shard) that holds an app's records: one app's trail is never split. */
    int partitionOf(String app);

    /** Every record of one partition, in order. */
    List<AuditRecord> readPartition(int partition);

    /** Stores a record and returns once it is stored. */
    void write(AuditRecord record);
}
