package dev.plumbline.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker's view of the notifier's work-sharing group: each channel's consumer calls itself
 * {@code <channel>@<instance>}, which is how {@code plumb app get} tells which instance holds an app.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@Tag("slow")
class ConsumerClientIdsTest {

    private static final List<String> CHANNELS =
            List.of("drift-alerts", "audit", "apply-actions", "diff-results", "rendered-manifests", "image-events");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "plumbline.instance")
    String instance;

    @Test
    void eachChannelsConsumerNamesItsChannelAndTheInstance() {
        assertThat(instance).isNotBlank();
        Set<String> expected =
                CHANNELS.stream().map(channel -> channel + "@" + instance).collect(Collectors.toSet());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("plumbline-notifier"))
                        .describedGroups()
                        .get("plumbline-notifier")
                        .get();
                assertThat(group.members().stream().map(MemberDescription::clientId))
                        .containsExactlyInAnyOrderElementsOf(expected);
            });
        }
    }
}
