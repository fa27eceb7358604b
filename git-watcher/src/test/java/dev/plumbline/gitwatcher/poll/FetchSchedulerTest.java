package dev.plumbline.gitwatcher.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.WebhookProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchSchedulerTest {

    private final List<String> fetched = new CopyOnWriteArrayList<>();
    private final Map<String, List<FetchCauseKind>> causes = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private FetchScheduler scheduler;

    @AfterEach
    void stop() {
        release.countDown();
        scheduler.close();
    }

    @Test
    void aWatchedRepositoryIsFetchedAtOnceAndThenOnEveryPollTick() {
        scheduler = scheduler(Duration.ofMillis(100), (key, cause, id) -> record(key, cause));

        scheduler.watch("a", FetchCause.watchStarted());

        await().atMost(Duration.ofSeconds(5))
                .until(() -> causes.getOrDefault("a", List.of()).size() >= 3);
        assertThat(causes.get("a").get(0)).isEqualTo(FetchCauseKind.WATCH_STARTED);
        assertThat(causes.get("a").subList(1, 3)).containsOnly(FetchCauseKind.POLL);
    }

    @Test
    void nudgesDuringAFetchAreFoldedIntoOneMoreFetchThatKeepsTheWebhookCause() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        scheduler = scheduler(Duration.ofHours(1), (key, cause, id) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            firstStarted.countDown();
            awaitRelease();
            running.decrementAndGet();
            return record(key, cause);
        });
        scheduler.watch("a", FetchCause.watchStarted());
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 50; i++) {
            scheduler.request("a", FetchCause.webhook(WebhookProvider.GITHUB, "d-" + i), "c-" + i);
        }
        scheduler.request("a", FetchCause.poll(), "tick");
        release.countDown();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> causes.getOrDefault("a", List.of()).size() == 2);
        assertThat(causes.get("a")).containsExactly(FetchCauseKind.WATCH_STARTED, FetchCauseKind.WEBHOOK);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aHungRepositoryDoesNotHoldUpAnother() {
        scheduler = scheduler(Duration.ofHours(1), (key, cause, id) -> {
            if (key.equals("slow")) {
                awaitRelease();
            }
            return record(key, cause);
        });

        scheduler.watch("slow", FetchCause.watchStarted());
        scheduler.watch("fast", FetchCause.watchStarted());

        await().atMost(Duration.ofSeconds(5)).until(() -> fetched.contains("fast"));
        assertThat(fetched).doesNotContain("slow");
    }

    @Test
    void aFailingRepositoryIsRetriedWithBackoffAndAnUnwatchedOneIsLeftAlone() {
        AtomicInteger attempts = new AtomicInteger();
        scheduler = scheduler(Duration.ofHours(1), (key, cause, id) -> attempts.incrementAndGet() > 2);

        scheduler.watch("a", FetchCause.watchStarted());

        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
        assertThat(scheduler.nextPoll("a")).isPresent();
        scheduler.unwatch("a");
        assertThat(scheduler.nextPoll("a")).isEmpty();
        assertThat(scheduler.request("a", FetchCause.manual("ana"), "c")).isFalse();
    }

    private FetchScheduler scheduler(Duration interval, FetchScheduler.Task task) {
        return new FetchScheduler(
                new Backoff(interval, 0.1, Duration.ofMillis(20), Duration.ofMillis(50)), 2, task, new Random(1));
    }

    private boolean record(String key, FetchCause cause) {
        fetched.add(key);
        causes.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(cause.kind());
        return true;
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
