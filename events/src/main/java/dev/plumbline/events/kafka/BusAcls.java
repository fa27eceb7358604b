package dev.plumbline.events.kafka;

import dev.plumbline.events.topic.BusAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker ACLs that allow each principal of {@link BusAccess} exactly its row, and nothing else (the broker runs
 * with {@code allow.everyone.if.no.acl.found=false}). Every binding allows, from any host: topic names are literal,
 * group names a prefix.
 *
 * <ul>
 *   <li>a topic it writes: {@code WRITE} and {@code DESCRIBE}; and when it creates its topics, {@code CREATE},
 *       {@code DESCRIBE_CONFIGS} and {@code ALTER_CONFIGS} for the provisioner that creates and corrects them. An
 *       idempotent producer needs nothing on the cluster since Kafka 3.0: a topic it may write is enough.
 *   <li>a topic it reads: {@code READ} and {@code DESCRIBE} (partitions and offsets, for the readers that assign
 *       partitions themselves).
 *   <li>its groups: {@code READ} on the group prefix, which is what joining, fetching and committing offsets take.
 *   <li>others' groups it may see: {@code DESCRIBE} on each group's literal name, which shows the members (client
 *       ids, hosts) and their partitions, and allows neither joining nor committing.
 * </ul>
 */
public final class BusAcls {

    private static final String ANY_HOST = "*";

    private BusAcls() {}

    /** The bindings of every principal. */
    public static List<AclBinding> all() {
        return BusAccess.all().stream()
                .flatMap(access -> bindings(access).stream())
                .toList();
    }

    /** The bindings of one principal. */
    public static List<AclBinding> bindings(BusAccess access) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : new TreeSet<>(access.topics())) {
            for (AclOperation operation : topicOperations(access, topic)) {
                bindings.add(
                        allow(access, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation));
            }
        }
        access.groupPrefix()
                .ifPresent(prefix -> bindings.add(allow(
                        access,
                        new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED),
                        AclOperation.READ)));
        for (String group : new TreeSet<>(access.seesGroups())) {
            bindings.add(allow(
                    access,
                    new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL),
                    AclOperation.DESCRIBE));
        }
        return List.copyOf(bindings);
    }

    private static Set<AclOperation> topicOperations(BusAccess access, String topic) {
        Set<AclOperation> operations = new TreeSet<>();
        operations.add(AclOperation.DESCRIBE);
        if (access.reads().contains(topic)) {
            operations.add(AclOperation.READ);
        }
        if (access.writes().contains(topic)) {
            operations.add(AclOperation.WRITE);
            if (access.createsTopics()) {
                operations.add(AclOperation.CREATE);
                operations.add(AclOperation.DESCRIBE_CONFIGS);
                operations.add(AclOperation.ALTER_CONFIGS);
            }
        }
        return operations;
    }

    private static AclBinding allow(BusAccess access, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(
                resource, new AccessControlEntry(access.principal(), ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}
