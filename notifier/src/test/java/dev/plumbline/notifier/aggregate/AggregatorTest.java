package dev.plumbline.notifier.aggregate;

import static dev.plumbline.notifier.aggregate.NotificationFixtures.drift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.occasion.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AggregatorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");
    private final Aggregator aggregator = new Aggregator(Duration.ofSeconds(2), Duration.ofSeconds(15));

    @Test
    void fiveHundredDriftEventsOfOneAppInTenSecondsMakeOneNotificationNamingEveryObject() {
        for (int i = 0; i < 500; i++) {
            aggregator.add(drift("web", i), T0.plusMillis(i * 20L));
            assertThat(aggregator.due(T0.plusMillis(i * 20L))).isEmpty();
        }

        List<Notification> due = aggregator.due(T0.plusSeconds(12));

        assertThat(due).singleElement().satisfies(notification -> {
            assertThat(notification.objects()).hasSize(500);
            assertThat(notification.occurrences()).isEqualTo(500);
            assertThat(notification.sourceEventIds()).hasSize(500);
        });
    }

    @Test
    void aNotificationWaitsForQuietButNeverLongerThanTheLongestHold() {
        for (int second = 0; second < 14; second++) {
            aggregator.add(drift("web", second), T0.plusSeconds(second));
        }
        assertThat(aggregator.due(T0.plusSeconds(14))).isEmpty();
        assertThat(aggregator.due(T0.plusSeconds(15))).hasSize(1);
        assertThat(aggregator.pending()).isZero();
    }

    @Test
    void anObjectReportedTwiceIsListedOnceWithItsLatestReport() {
        aggregator.add(drift("web", 1, 2), T0);
        aggregator.add(drift("web", 2, 3), T0.plusSeconds(1));

        assertThat(aggregator.due(T0.plusSeconds(3)).get(0).objects()).hasSize(3);
    }

    @Test
    void appsAndOccasionsAreToldApart() {
        aggregator.add(drift("web", 1), T0);
        aggregator.add(drift("api", 1), T0);
        Occurrence recovered = new Occurrence(
                NotificationOccasion.DRIFT_RECOVERED,
                "web",
                null,
                "",
                "c",
                T0,
                List.of(),
                List.of(),
                "healed",
                Map.of(),
                null,
                List.of("e"));
        aggregator.add(recovered, T0);

        assertThat(aggregator.due(T0.plusSeconds(2)))
                .extracting(Notification::dedupKey)
                .containsExactly(
                        "drift-detected/web/" + NotificationFixtures.SHA + "/",
                        "drift-detected/api/" + NotificationFixtures.SHA + "/",
                        "drift-recovered/web/-/");
    }
}
