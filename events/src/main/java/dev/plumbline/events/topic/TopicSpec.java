package dev.plumbline.events.topic;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one topic is created: its partitions, cleanup policy and further topic configs. Its replication is the
 * deployment's ({@link TopicReplication}, from the service's settings), not the topic's.
 *
 * @param name          the topic name
 * @param partitions    how many partitions; the most instances of one consumer group that can share the work
 * @param cleanupPolicy delete or compact
 * @param configs       other topic configs, such as {@code retention.ms} and {@code max.message.bytes}
 */
public record TopicSpec(String name, int partitions, CleanupPolicy cleanupPolicy, Map<String, String> configs) {

    public static final String CLEANUP_POLICY_CONFIG = "cleanup.policy";

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, got " + partitions);
        }
        configs = configs == null ? Map.of() : Map.copyOf(configs);
        if (configs.containsKey(CLEANUP_POLICY_CONFIG)) {
            throw new IllegalArgumentException(
                    "topic " + name + ": give the cleanup policy as cleanupPolicy, not in configs");
        }
    }

    public TopicSpec withPartitions(int newPartitions) {
        return new TopicSpec(name, newPartitions, cleanupPolicy, configs);
    }

    /** The same topic with one config set or replaced, for an operator who wants, say, a longer audit retention. */
    public TopicSpec withConfig(String key, String value) {
        Map<String, String> changed = new HashMap<>(configs);
        changed.put(key, value);
        return new TopicSpec(name, partitions, cleanupPolicy, changed);
    }

    /** Every config to set on the topic, cleanup policy included. */
    public Map<String, String> topicConfigs() {
        Map<String, String> all = new HashMap<>(configs);
        all.put(CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        return Map.copyOf(all);
    }
}
