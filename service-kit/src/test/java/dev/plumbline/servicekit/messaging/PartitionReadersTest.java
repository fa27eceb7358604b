package dev.plumbline.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionReadersTest {

    private static final Map<String, Object> BROKER = Map.of(
            "bootstrap.servers", "kafka:9092",
            "security.protocol", "SSL",
            "default.api.timeout.ms", "10000",
            "group.id", "plumbline-renderer",
            "enable.auto.commit", "true",
            "mp.messaging.connector", "smallrye-kafka",
            "linger.ms", "5");

    @Test
    void aReaderConnectsAsTheChannelsDoButJoinsNoGroupAndCommitsNothing() {
        Map<String, Object> settings = PartitionReaders.settings(BROKER, "plumbline-renderer-history", Map.of());

        assertThat(settings)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("default.api.timeout.ms", "10000")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("allow.auto.create.topics", false)
                .containsEntry("client.id", "plumbline-renderer-history")
                .doesNotContainKeys("group.id", "mp.messaging.connector", "linger.ms");
    }

    @Test
    void aReadersOwnSettingsComeLast() {
        Map<String, Object> settings = PartitionReaders.settings(
                BROKER,
                "plumbline-audit-reader",
                Map.of("isolation.level", "read_committed", "default.api.timeout.ms", 5_000));

        assertThat(settings)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("default.api.timeout.ms", 5_000);
    }
}
