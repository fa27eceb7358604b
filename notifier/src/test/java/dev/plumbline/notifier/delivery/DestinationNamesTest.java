package dev.plumbline.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.aggregate.NotificationFixtures;
import dev.plumbline.notifier.template.MessageTemplates;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Applications choose destination names (any email address, any Slack or webhook name): what the notifier keeps
 * about them, meters and the names it warned about, stays bounded however many names they choose.
 */
class DestinationNamesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Logger DISPATCHER_LOG = Logger.getLogger(Dispatcher.class.getName());

    private final DestinationBoundsTest.BlockingEmail email = new DestinationBoundsTest.BlockingEmail();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler warningsKept = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() == Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Dispatcher dispatcher;

    @AfterEach
    void stop() {
        DISPATCHER_LOG.removeHandler(warningsKept);
        email.release();
        if (dispatcher != null) {
            dispatcher.stop();
        }
        // a thousand workers are not left to the test classes after this one
        await().atMost(PATIENCE).until(() -> DestinationBoundsTest.liveWorkerThreads("@example-") == 0);
    }

    @Test
    void aThousandAddressesAndUnconfiguredNamesFromApplicationsDoNotEachGetTheirOwnMeters() {
        email.release();
        List<Target> named = IntStream.range(0, 1000)
                .boxed()
                .flatMap(i -> List.of(
                        Target.parse("email:user-" + i + "@example-" + i + ".com"),
                        Target.parse("slack:no-such-channel-" + i))
                        .stream())
                .toList();
        dispatcher = dispatcher(named);
        AtomicInteger done = new AtomicInteger();

        dispatcher.dispatch(NotificationFixtures.notification("shop", 1), Optional.empty(), done::incrementAndGet);

        await().atMost(PATIENCE).until(() -> done.get() == 1);
        assertThat(meters.getMeters())
                .extracting(meter -> meter.getId().getTag("destination"))
                .contains("any-address", "unconfigured")
                .doesNotContain("user-0@example-0.com", "no-such-channel-0");
        assertThat(meters.getMeters())
                .as("one meter per channel and outcome, not per name: %s", names(meters.getMeters()))
                .hasSizeLessThan(10);
    }

    @Test
    void unconfiguredNamesAreRememberedForWarningOnlyUpToABoundSoAFloodOfNamesCannotGrowMemory() {
        DISPATCHER_LOG.addHandler(warningsKept);
        List<Target> flood = IntStream.range(0, 1000)
                .mapToObj(i -> Target.parse("slack:flood-" + i))
                .toList();
        dispatcher = dispatcher(new Routing(
                EnumSet.of(NotificationOccasion.DRIFT_DETECTED),
                List.of(Target.parse("slack:first")),
                Map.of(NotificationOccasion.SYNC_FAILED, flood)));
        dispatcher.dispatch(NotificationFixtures.notification("shop", 1), Optional.empty(), () -> {});
        dispatcher.dispatch(NotificationFixtures.notification("shop", 2), Optional.empty(), () -> {});
        assertThat(warnings).as("warned once, not on every notification").hasSize(1);
        assertThat(warningsAbout("slack:first")).isEqualTo(1);

        dispatcher.dispatch(
                DestinationBoundsTest.as(
                        NotificationOccasion.SYNC_FAILED, NotificationFixtures.notification("shop", 3)),
                Optional.empty(),
                () -> {});
        dispatcher.dispatch(NotificationFixtures.notification("shop", 4), Optional.empty(), () -> {});

        assertThat(warnings).hasSize(1002);
        assertThat(warningsAbout("slack:first"))
                .as("a thousand names later the first is no longer remembered, so it is warned about again")
                .isEqualTo(2);
    }

    private Dispatcher dispatcher(List<Target> destinations) {
        return dispatcher(new Routing(EnumSet.of(NotificationOccasion.DRIFT_DETECTED), destinations, Map.of()));
    }

    private Dispatcher dispatcher(Routing routing) {
        return new Dispatcher(
                List.of(email),
                routing,
                new Dispatcher.Shared(
                        new DedupWindow(Duration.ofMinutes(5)),
                        new MessageTemplates(Optional.empty(), 20),
                        new DestinationBoundsTest.Recorded(),
                        new DeliveryMetrics(meters)),
                DestinationBoundsTest.config(Map.of()),
                target -> new DestinationBoundsTest.Unguarded());
    }

    private long warningsAbout(String destination) {
        return warnings.stream()
                .filter(warning -> warning.contains(" " + destination + " "))
                .count();
    }

    private static List<String> names(List<Meter> meters) {
        return meters.stream().map(meter -> meter.getId().toString()).toList();
    }
}
