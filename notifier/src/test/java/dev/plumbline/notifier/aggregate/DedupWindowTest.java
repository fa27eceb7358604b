package dev.plumbline.notifier.aggregate;

import static dev.plumbline.notifier.aggregate.NotificationFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DedupWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");
    private final DedupWindow dedup = new DedupWindow(Duration.ofMinutes(5));

    @Test
    void theSameNotificationReachesADestinationOncePerWindow() {
        Notification first = notification("web", 1, 2);
        assertThat(dedup.decide("slack:default", first, T0)).contains(first);
        dedup.record("slack:default", first.dedupKey(), first.objectIdentities(), T0);

        assertThat(dedup.decide("slack:default", notification("web", 1, 2), T0.plusSeconds(60)))
                .isEmpty();
        assertThat(dedup.decide("slack:default", notification("web", 2), T0.plusSeconds(60)))
                .isEmpty();
        assertThat(dedup.decide("slack:default", notification("web", 1, 2), T0.plusSeconds(301)))
                .isPresent();
    }

    @Test
    void aRepeatThatNamesNewObjectsTellsOnlyThoseAndHowManyWereToldBefore() {
        Notification first = notification("web", 1, 2);
        dedup.record("slack:default", first.dedupKey(), first.objectIdentities(), T0);

        Notification grown = dedup.decide("slack:default", notification("web", 1, 2, 3, 4), T0.plusSeconds(30))
                .orElseThrow();

        assertThat(grown.objectIdentities())
                .containsExactly(NotificationFixtures.deployment(3), NotificationFixtures.deployment(4));
        assertThat(grown.toldBefore()).isEqualTo(2);
    }

    @Test
    void destinationsAreDeduplicatedEachOnItsOwn() {
        Notification first = notification("web", 1);
        dedup.record("slack:default", first.dedupKey(), first.objectIdentities(), T0);

        assertThat(dedup.decide("webhook:pager", first, T0)).isPresent();
        assertThat(dedup.decide("slack:default", notification("api", 1), T0)).isPresent();
    }
}
