package dev.plumbline.events.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.EventType;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TopicsTest {

    private static final List<String> DESIGNED = List.of(
            Topics.APPLICATIONS,
            Topics.COMMIT_EVENTS,
            Topics.RENDERED_MANIFESTS,
            Topics.DIFF_RESULTS,
            Topics.APPLY_ACTIONS,
            Topics.SYNC_REQUESTS,
            Topics.DRIFT_ALERTS,
            Topics.AUDIT,
            Topics.NOTIFICATIONS,
            Topics.NOTIFICATIONS_DEAD_LETTER,
            Topics.IMAGE_EVENTS);

    @Test
    void everyDesignedTopicHasOneSpecWithSixPartitionsByDefault() {
        assertThat(Topics.all()).extracting(TopicSpec::name).containsExactlyElementsOf(DESIGNED);
        assertThat(Topics.all())
                .allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(6));
        assertThat(DESIGNED).allSatisfy(name -> assertThat(name).startsWith("plumbline."));
    }

    @Test
    void theCallerChoosesThePartitionCount() {
        assertThat(Topics.all(12))
                .allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(12));
        assertThat(PlumblineService.RENDERER.ownedTopics(3))
                .singleElement()
                .satisfies(spec -> assertThat(spec.partitions()).isEqualTo(3));
    }

    @Test
    void stateTopicsAreCompactedAndEventTopicsExpire() {
        Map<String, CleanupPolicy> policies =
                Topics.all().stream().collect(Collectors.toMap(TopicSpec::name, TopicSpec::cleanupPolicy));

        assertThat(policies)
                .containsEntry(Topics.APPLICATIONS, CleanupPolicy.COMPACT)
                .containsEntry(Topics.RENDERED_MANIFESTS, CleanupPolicy.COMPACT);
        policies.forEach((name, policy) -> {
            if (!name.equals(Topics.APPLICATIONS) && !name.equals(Topics.RENDERED_MANIFESTS)) {
                assertThat(policy).as(name).isEqualTo(CleanupPolicy.DELETE);
            }
        });
        assertThat(Topics.spec(Topics.APPLICATIONS, 6).topicConfigs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void renderedManifestsAcceptRecordsOfManyMegabytes() {
        String maxBytes = Topics.spec(Topics.RENDERED_MANIFESTS, 6).configs().get("max.message.bytes");

        assertThat(Integer.parseInt(maxBytes)).isGreaterThanOrEqualTo(32 * 1024 * 1024);
    }

    @Test
    void theAuditTrailIsKeptLongerThanAnyOtherTopic() {
        long audit = retention(Topics.spec(Topics.AUDIT, 6));

        assertThat(audit).isGreaterThanOrEqualTo(Duration.ofDays(365).toMillis());
        assertThat(Topics.all())
                .filteredOn(spec -> spec.configs().containsKey("retention.ms")
                        && !spec.name().equals(Topics.AUDIT))
                .allSatisfy(spec -> assertThat(retention(spec)).isLessThan(audit));
    }

    @Test
    void everyTopicHasOneWriterAndTheCliWritesNone() {
        assertThat(DESIGNED)
                .allSatisfy(topic -> assertThat(
                                Arrays.stream(PlumblineService.values()).filter(s -> s.writes(topic)))
                        .hasSize(1));
        assertThat(PlumblineService.CLI.ownedTopics()).isEmpty();
        assertThat(PlumblineService.NOTIFIER.ownedTopics())
                .extracting(TopicSpec::name)
                .containsExactly(Topics.NOTIFICATIONS, Topics.NOTIFICATIONS_DEAD_LETTER);
        assertThat(PlumblineService.RECONCILER.ownedTopics())
                .extracting(TopicSpec::name)
                .containsExactly(Topics.APPLICATIONS, Topics.DIFF_RESULTS, Topics.APPLY_ACTIONS);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeBelongsOnADesignedTopic(EventType type) {
        assertThat(DESIGNED).contains(type.topic());
    }

    @ParameterizedTest
    @MethodSource("dev.plumbline.events.EventSamples#all")
    void everyEventNamesAsItsSourceAServiceThatWritesItsTopic(PlumblineEvent event) {
        assertThat(Arrays.stream(PlumblineService.values())
                        .filter(service -> service.source().equals(event.source())))
                .singleElement()
                .satisfies(service -> assertThat(service.writes(event.topic())).isTrue());
    }

    @ParameterizedTest
    @EnumSource(PlumblineService.class)
    void aServiceNamesItselfAsACloudEventsSource(PlumblineService service) {
        assertThat(service.source()).matches("plumbline/[a-z]+(-[a-z]+)?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plumbline.unknown", "applications"})
    void askingForATopicThatDoesNotExistFailsNamingIt(String name) {
        assertThatThrownBy(() -> Topics.spec(name, 6)).hasMessageContaining(name);
    }

    @Test
    void anOperatorCanOverrideOneConfig() {
        TopicSpec longer = Topics.spec(Topics.AUDIT, 6).withConfig("retention.ms", "-1");

        assertThat(longer.topicConfigs()).containsEntry("retention.ms", "-1").containsEntry("cleanup.policy", "delete");
    }

    private static long retention(TopicSpec spec) {
        return Long.parseLong(spec.configs().get("retention.ms"));
    }
}
