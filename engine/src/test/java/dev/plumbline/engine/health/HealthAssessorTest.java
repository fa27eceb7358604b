package dev.plumbline.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.testing.GoldenFiles;
import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: every document of {@code health-<kind>-live.yaml} is a live object whose name says its situation and
 * whose annotation {@value #EXPECTED} says its health.
 */
class HealthAssessorTest {

    private static final String EXPECTED = "test.plumbline.dev/expected-health";
    private static final List<String> KINDS = List.of(
            "deployment",
            "statefulset",
            "daemonset",
            "replicaset",
            "pod",
            "service",
            "ingress",
            "persistentvolumeclaim",
            "job",
            "cronjob",
            "horizontalpodautoscaler",
            "other-kinds");

    static Stream<Arguments> liveObjects() {
        return KINDS.stream()
                .flatMap(kind -> GoldenFiles.live("health-" + kind).stream())
                .map(live -> Arguments.of(
                        live.path("kind").asText() + " "
                                + live.path("metadata").path("name").asText() + " is "
                                + expected(live).label(),
                        live));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liveObjects")
    void eachKindsHealthFollowsItsRule(String sentence, JsonNode live) {
        ObjectHealth health = HealthAssessor.assess(live);

        assertThat(health.status()).as(health.message()).isEqualTo(expected(live));
    }

    @Test
    void everyKindHasHealthyProgressingAndDegradedOrSuspendedCases() {
        for (String kind : KINDS.subList(0, KINDS.size() - 1)) {
            List<HealthStatus> verdicts = GoldenFiles.live("health-" + kind).stream()
                    .map(HealthAssessorTest::expected)
                    .distinct()
                    .toList();
            assertThat(verdicts)
                    .as(kind)
                    .contains(HealthStatus.HEALTHY)
                    .containsAnyOf(HealthStatus.PROGRESSING, HealthStatus.DEGRADED, HealthStatus.SUSPENDED);
        }
    }

    @Test
    void anAbsentObjectIsMissing() {
        assertThat(HealthAssessor.assess(null).status()).isEqualTo(HealthStatus.MISSING);
    }

    @Test
    void degradedHealthSaysWhyInWordsAPersonCanActOn() {
        JsonNode crashLooping = GoldenFiles.live("health-pod").stream()
                .filter(live -> live.path("metadata").path("name").asText().equals("crash-looping"))
                .findFirst()
                .orElseThrow();

        assertThat(HealthAssessor.assess(crashLooping).message())
                .isEqualTo("container web is waiting: CrashLoopBackOff: back-off 5m0s restarting failed container");
    }

    @Test
    void anAppIsAsHealthyAsItsWorstObjectInArgoCdsOrder() {
        assertThat(AppHealth.worst(List.of())).isEqualTo(HealthStatus.HEALTHY);
        assertThat(AppHealth.worst(List.of(HealthStatus.HEALTHY, HealthStatus.SUSPENDED)))
                .isEqualTo(HealthStatus.SUSPENDED);
        assertThat(AppHealth.worst(List.of(HealthStatus.SUSPENDED, HealthStatus.PROGRESSING)))
                .isEqualTo(HealthStatus.PROGRESSING);
        assertThat(AppHealth.worst(List.of(HealthStatus.MISSING, HealthStatus.PROGRESSING)))
                .isEqualTo(HealthStatus.MISSING);
        assertThat(AppHealth.worst(List.of(HealthStatus.DEGRADED, HealthStatus.MISSING, HealthStatus.HEALTHY)))
                .isEqualTo(HealthStatus.DEGRADED);
        assertThat(AppHealth.worst(List.of(HealthStatus.DEGRADED, HealthStatus.UNKNOWN)))
                .isEqualTo(HealthStatus.UNKNOWN);
    }

    private static HealthStatus expected(JsonNode live) {
        String label = live.path("metadata").path("annotations").path(EXPECTED).asText();
        return Stream.of(HealthStatus.values())
                .filter(status -> status.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + EXPECTED + " on " + live));
    }
}
