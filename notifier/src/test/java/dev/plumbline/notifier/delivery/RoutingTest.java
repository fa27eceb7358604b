package dev.plumbline.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoutingTest {

    private final Routing routing = new Routing(
            EnumSet.of(NotificationOccasion.DRIFT_DETECTED, NotificationOccasion.SYNC_FAILED),
            List.of(Target.parse("slack:default")),
            Map.of(NotificationOccasion.SYNC_FAILED, List.of(Target.parse("email:oncall@example.com"))));

    @Test
    void anAppWithoutSubscriptionsGetsTheDefaultsPerOccasion() {
        assertThat(routing.targets(NotificationOccasion.DRIFT_DETECTED, Optional.empty()))
                .containsExactly(new Target(NotificationChannel.SLACK, "default"));
        assertThat(routing.targets(NotificationOccasion.SYNC_FAILED, Optional.empty()))
                .containsExactly(new Target(NotificationChannel.EMAIL, "oncall@example.com"));
        assertThat(routing.targets(NotificationOccasion.SYNC_SUCCEEDED, Optional.empty()))
                .isEmpty();
    }

    @Test
    void anAppWithSubscriptionsGetsExactlyThose() {
        ApplicationSpec spec = EventSamples.applicationSpec();

        assertThat(routing.targets(NotificationOccasion.DRIFT_DETECTED, Optional.of(spec)))
                .containsExactly(new Target(NotificationChannel.SLACK, "shop-alerts"));
        assertThat(routing.targets(NotificationOccasion.SYNC_FAILED, Optional.of(spec)))
                .isEmpty();
    }

    @Test
    void aDestinationIsWrittenChannelColonName() {
        assertThat(Target.parse("webhook:pager")).hasToString("webhook:pager");
        assertThatThrownBy(() -> Target.parse("pager")).hasMessageContaining("<channel>:<name>");
        assertThatThrownBy(() -> Target.parse("teams:x")).hasMessageContaining("unknown channel teams");
    }
}
