package dev.plumbline.renderer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitEventsRebalanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://git.example.com/shop/deploy.git", "git@github.com:acme/platform.git", "x"})
    void findsTheRepositoriesOfAPartitionAsKafkasPartitionerPlacesThem(String repoUrl) {
        for (int partitions = 1; partitions <= 12; partitions++) {
            assertThat(CommitEventsRebalance.partitionOf(repoUrl, partitions))
                    .isEqualTo(
                            BuiltInPartitioner.partitionForKey(repoUrl.getBytes(StandardCharsets.UTF_8), partitions));
        }
    }
}
