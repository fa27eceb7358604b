package dev.plumbline.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.NotificationDeadLettered;
import dev.plumbline.events.NotificationSent;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.aggregate.NotificationFixtures;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.template.MessageTemplates;
import dev.plumbline.notifier.template.RenderedMessage;
import dev.plumbline.servicekit.ratelimit.TokenBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An Application can name any email address it likes: the notifier keeps a worker (and a thread) per destination
 * and a queue per worker, both bounded, and what a bound turns away goes to the dead letters with the reason.
 */
class DestinationBoundsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final BlockingEmail email = new BlockingEmail();
    private final Recorded records = new Recorded();
    private Dispatcher dispatcher;

    @AfterEach
    void stop() {
        email.release();
        if (dispatcher != null) {
            dispatcher.stop();
        }
        // the next test counts worker threads by name
        await().atMost(PATIENCE).until(() -> liveWorkerThreads() == 0);
    }

    @Test
    void moreBusyDestinationsThanTheBoundDeadLetterTheExtraNamingTheSetting() {
        dispatcher = dispatcher(
                List.of("email:a@bounds.example", "email:b@bounds.example", "email:c@bounds.example"),
                Map.of("plumbline.delivery.max-destinations", "2"));
        AtomicInteger done = new AtomicInteger();

        dispatcher.dispatch(NotificationFixtures.notification("shop", 1), Optional.empty(), done::incrementAndGet);

        await().atMost(PATIENCE).until(() -> records.deadLetters.size() == 1);
        NotificationDeadLettered refused = records.deadLetters.get(0);
        assertThat(refused.destination()).isEqualTo("c@bounds.example");
        assertThat(refused.lastError()).contains("plumbline.delivery.max-destinations", "2");
        assertThat(liveWorkerThreads()).isLessThanOrEqualTo(2);
        email.release();
        await().atMost(PATIENCE).until(() -> done.get() == 1);
        assertThat(records.sent).hasSize(2);
    }

    @Test
    void anIdleDestinationsWorkerRetiresItsThreadEndsAndANewDestinationTakesItsPlace() {
        email.release();
        Routing routing = new Routing(
                EnumSet.of(NotificationOccasion.DRIFT_DETECTED),
                List.of(Target.parse("email:a@bounds.example"), Target.parse("email:b@bounds.example")),
                Map.of(NotificationOccasion.SYNC_FAILED, List.of(Target.parse("email:c@bounds.example"))));
        dispatcher = dispatcher(
                routing, Map.of("plumbline.delivery.max-destinations", "2", "plumbline.delivery.idle-retire", "200ms"));
        dispatcher.dispatch(NotificationFixtures.notification("shop", 1), Optional.empty(), () -> {});
        await().atMost(PATIENCE).until(() -> records.sent.size() == 2);

        await().atMost(PATIENCE).until(() -> liveWorkerThreads() == 0);
        dispatcher.dispatch(
                as(NotificationOccasion.SYNC_FAILED, NotificationFixtures.notification("shop", 1)),
                Optional.empty(),
                () -> {});

        await().atMost(PATIENCE).until(() -> records.sent.size() == 3);
        assertThat(records.sent.get(2).destination()).isEqualTo("c@bounds.example");
        assertThat(records.deadLetters).isEmpty();
        assertThat(liveWorkerThreads()).isLessThanOrEqualTo(1);
    }

    @Test
    void aSlowDestinationsQueuePastItsBoundDeadLettersTheOverflowInsteadOfHoldingIt() {
        dispatcher = dispatcher(List.of("email:slow@bounds.example"), Map.of("plumbline.delivery.max-queue", "2"));
        AtomicInteger done = new AtomicInteger();
        dispatcher.dispatch(NotificationFixtures.notification("app-0", 1), Optional.empty(), done::incrementAndGet);
        await().atMost(PATIENCE).until(() -> email.started.get() == 1);

        for (int app = 1; app <= 4; app++) {
            dispatcher.dispatch(
                    NotificationFixtures.notification("app-" + app, 1), Optional.empty(), done::incrementAndGet);
        }

        await().atMost(PATIENCE).until(() -> records.deadLetters.size() == 2);
        assertThat(records.deadLetters)
                .allSatisfy(refused -> assertThat(refused.lastError()).contains("plumbline.delivery.max-queue", "2"));
        assertThat(records.deadLetters)
                .extracting(NotificationDeadLettered::app)
                .containsExactly("app-3", "app-4");
        assertThat(done).hasValue(2);
        email.release();
        await().atMost(PATIENCE).until(() -> done.get() == 5);
        assertThat(records.sent).extracting(NotificationSent::app).containsExactly("app-0", "app-1", "app-2");
    }

    private Dispatcher dispatcher(List<String> destinations, Map<String, String> settings) {
        return dispatcher(
                new Routing(
                        EnumSet.of(NotificationOccasion.DRIFT_DETECTED),
                        destinations.stream().map(Target::parse).toList(),
                        Map.of()),
                settings);
    }

    private Dispatcher dispatcher(Routing routing, Map<String, String> settings) {
        return new Dispatcher(
                List.of(email),
                routing,
                new Dispatcher.Shared(
                        new DedupWindow(Duration.ofMinutes(5)),
                        new MessageTemplates(Optional.empty(), 20),
                        records,
                        new DeliveryMetrics(new SimpleMeterRegistry())),
                config(settings),
                target -> new Unguarded());
    }

    static NotifierConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withMapping(NotifierConfig.class)
                // Quarkus' spelling of durations (10s, 5m), as the service reads them
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 400))
                .build()
                .getConfigMapping(NotifierConfig.class);
    }

    static Notification as(NotificationOccasion occasion, Notification notification) {
        return new Notification(
                occasion,
                notification.app(),
                notification.revision(),
                notification.subject(),
                notification.correlationId(),
                notification.firstSeen(),
                notification.objects(),
                notification.changedBy(),
                notification.outcome(),
                notification.facts(),
                notification.commit(),
                notification.occurrences(),
                notification.toldBefore(),
                notification.sourceEventIds());
    }

    /** This test's live worker threads. */
    static long liveWorkerThreads() {
        return liveWorkerThreads("@bounds.example");
    }

    /**
     * The live worker threads of email addresses containing {@code addressPart}: a test counts only its own, since a
     * notifier started by another test class of the same JVM may still have workers of its own.
     */
    static long liveWorkerThreads(String addressPart) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("plumbline-notify-email:")
                        && thread.getName().contains(addressPart))
                .filter(Thread::isAlive)
                .count();
    }

    /** Email that any address may receive; each send waits until the test releases it. */
    static final class BlockingEmail implements Channel {

        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger started = new AtomicInteger();

        void release() {
            released.countDown();
        }

        @Override
        public NotificationChannel kind() {
            return NotificationChannel.EMAIL;
        }

        @Override
        public boolean knows(String destination) {
            return true;
        }

        @Override
        public TokenBucket rateLimit(String destination) {
            return new TokenBucket(1000, 1000);
        }

        @Override
        public Outgoing prepare(
                String destination, String deliveryId, Notification notification, RenderedMessage message) {
            return new Outgoing(deliveryId, message.title(), message.text(), message.text());
        }

        @Override
        public void send(String destination, Outgoing outgoing) throws DeliveryFailure {
            started.incrementAndGet();
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw DeliveryFailure.transientFailure("stopped");
            }
        }
    }

    /** No breaker and no timeout: these tests are about bounds, not about failing destinations. */
    static final class Unguarded implements Guard {

        @Override
        public <T> T call(Callable<T> action, Class<T> type) throws Exception {
            return action.call();
        }

        @Override
        public <T> T call(Callable<T> action, TypeLiteral<T> type) throws Exception {
            return action.call();
        }

        @Override
        public <T> T get(Supplier<T> action, Class<T> type) {
            return action.get();
        }

        @Override
        public <T> T get(Supplier<T> action, TypeLiteral<T> type) {
            return action.get();
        }
    }

    static final class Recorded implements DeliveryRecords {

        private final List<NotificationSent> sent = new CopyOnWriteArrayList<>();
        private final List<NotificationDeadLettered> deadLetters = new CopyOnWriteArrayList<>();

        @Override
        public void sent(NotificationSent event) {
            sent.add(event);
        }

        @Override
        public void deadLettered(NotificationDeadLettered event) {
            deadLetters.add(event);
        }
    }
}
