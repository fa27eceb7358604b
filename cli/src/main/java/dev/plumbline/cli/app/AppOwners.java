package dev.plumbline.cli.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.messaging.PartitionHolders;
import dev.plumbline.cli.messaging.PartitionHolders.Holder;
import dev.plumbline.cli.messaging.PartitionHolders.Holders;
import dev.plumbline.events.topic.BusAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The instances of the reconciler, drift-auditor and notifier that hold an app: the members of their work-sharing
 * consumer groups assigned the app's partition, as the bus tells it (see {@link PartitionHolders}).
 */
final class AppOwners {

    /** Per service, the consumer group that divides the apps among its instances. */
    static final Map<String, String> GROUPS = groups();

    private final Holders holders;

    private AppOwners(Holders holders) {
        this.holders = holders;
    }

    static AppOwners of(RunEnvironment environment, String app) {
        Map<String, Object> kafka;
        try {
            kafka = environment.kafkaSettings();
        } catch (CommandFailedException noBus) {
            return new AppOwners(PartitionHolders.allUnknown(GROUPS, noBus.getMessage()));
        }
        return new AppOwners(PartitionHolders.of(kafka, app, GROUPS));
    }

    /** The reconciler instance holding the app, when the bus said. */
    Optional<String> reconciler() {
        return holders.holders().stream()
                .filter(holder -> holder.service().equals(BusAccess.RECONCILER))
                .map(Holder::instance)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * {@code reconciler: reconciler-2; drift-auditor: drift-auditor-1; notifier: notifier-1 (partition 3)}, or
     * {@code unknown (<why>)} when no service's holder is known for one reason.
     */
    String describe() {
        List<String> reasons = holders.holders().stream()
                .map(holder -> holder.instance() == null ? holder.unknownReason() : null)
                .distinct()
                .toList();
        if (reasons.size() == 1 && reasons.get(0) != null) {
            return "unknown (" + reasons.get(0) + ")";
        }
        return holders.holders().stream()
                        .map(holder -> holder.service() + ": " + holder.describe())
                        .collect(Collectors.joining("; "))
                + (holders.partition() < 0 ? "" : " (partition " + holders.partition() + ")");
    }

    /** The same for {@code -o json} and {@code -o yaml}: the partition and each service's instance or unknown. */
    ObjectNode toJson() {
        ObjectNode owner = JsonNodeFactory.instance.objectNode();
        if (holders.partition() >= 0) {
            owner.put("partition", holders.partition());
        }
        holders.holders().forEach(holder -> owner.put(holder.service(), holder.describe()));
        return owner;
    }

    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(BusAccess.RECONCILER, BusAccess.RECONCILER_GROUP);
        groups.put(BusAccess.DRIFT_AUDITOR, BusAccess.DRIFT_AUDITOR_GROUP);
        groups.put(BusAccess.NOTIFIER, BusAccess.NOTIFIER_GROUP);
        return Collections.unmodifiableMap(groups);
    }
}
