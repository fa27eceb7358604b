package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An audit topic of one partition, kept as the bytes written, as Kafka would keep them. */
class MemoryAuditStore implements AuditStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<byte[]> stored = new ArrayList<>();

    @Override
    public int partitionOf(String app) {
        return 0;
    }

    @Override
    public List<JsonNode> readPartition(int partition) {
        return asJson();
    }

    @Override
    public long endOf(int partition) {
        return stored.size();
    }

    @Override
    public void write(AuditRecord record) {
        stored.add(EventJson.write(record));
    }

    List<JsonNode> asJson() {
        return stored.stream()
                .map(bytes -> {
                    try {
                        return JSON.readTree(bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    List<AuditRecord> records() {
        return stored.stream()
                .map(bytes -> EventJson.read(bytes, AuditRecord.class))
                .toList();
    }
}
