package dev.plumbline.cli.faults;

import dev.plumbline.events.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which instance of a service holds an app: the member of the service's work-sharing group assigned the app's
 * partition of {@code plumbline.rendered-manifests}, named by its client id ({@code <channel>@<instance>}), as Kafka
 * itself says.
 */
final class OwnerLookup {

    private final Map<String, Object> operator;

    OwnerLookup(Map<String, Object> operator) {
        this.operator = operator;
    }

    /** The instance of {@code group} holding {@code app}'s partition; empty while no member holds it. */
    Optional<String> owner(String group, String app) {
        try (Admin admin = Admin.create(operator)) {
            int partitions = admin.describeTopics(java.util.List.of(Topics.RENDERED_MANIFESTS))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Topics.RENDERED_MANIFESTS)
                    .partitions()
                    .size();
            TopicPartition partition = new TopicPartition(Topics.RENDERED_MANIFESTS, partitionOf(app, partitions));
            ConsumerGroupDescription description = admin.describeConsumerGroups(java.util.List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(30, TimeUnit.SECONDS);
            return description.members().stream()
                    .filter(member -> member.assignment().topicPartitions().contains(partition))
                    .map(MemberDescription::clientId)
                    .map(OwnerLookup::instanceOf)
                    .findFirst();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the consumer group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + group, e);
        }
    }

    /** Kafka's default partitioner for a keyed record: murmur2 of the key, positive, modulo the partitions. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The instance a client id names: what follows its first {@code @}. */
    static String instanceOf(String clientId) {
        int at = clientId.indexOf('@');
        return at < 0 ? clientId : clientId.substring(at + 1);
    }
}
