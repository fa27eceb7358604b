package dev.plumbline.sandbox.kafka;

import java.util.Map;

/**
 * Broker settings that fit one node holding both the broker and the controller role, shared by the ephemeral
 * and the persistent broker so that tests run against the same broker behaviour as one-machine runs.
 */
final class SingleNodeBrokerSettings {

    /** Room for a 32 MiB record (a rendered app with large CRDs) plus its key, headers and batch overhead. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private SingleNodeBrokerSettings() {}

    static Map<String, String> settings() {
        return Map.ofEntries(
                // one node: every internal topic must be satisfiable by a single replica
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                // fewer internal partitions: quicker first group coordinator look-up, plenty for one machine
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                // topics are created by their owners with their partitions and cleanup policies, never by accident
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES)),
                Map.entry("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES)),
                // a consumer that joins alone should not wait for company
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // the cleaner's default 128 MiB dedupe buffer is sized for production; compaction here is small
                Map.entry("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024)));
    }
}
