package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.AuditRecord;
import java.util.List;

/**
 * Where the trail is kept: the audit topic in the service, a list in tests. A store that cannot be reached now throws
 * {@link AuditStoreException}, which is tried again; anything else it throws is a fault of the record.
 */
public interface AuditStore {

    /** The partition (or shard) that holds an app's records: one app's trail is never split. */
    int partitionOf(String app);

    /** Every record of one partition as stored, in order: verification hashes exactly what was written. */
    List<JsonNode> readPartition(int partition);

    /**
     * The position after the partition's last record: each record stored there moves it on by one. A change the
     * writer did not make itself tells it that another instance wrote the partition since it was read back.
     */
    long endOf(int partition);

    /** Stores a record and returns once it is stored. */
    void write(AuditRecord record);
}
