package dev.plumbline.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppQueueTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void oneAppIsNeverReconciledTwiceAtOnceAndRequestsWaitingMeanwhileAreMergedIntoOneRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<ReconcileReason> runs = new CopyOnWriteArrayList<>();
        AppQueue queue = new AppQueue(workers, (app, request) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.add(request.reason());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        });

        var first = queue.submit("shop", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));
        await().until(() -> running.get() == 1);
        queue.submit("shop", ReconcileRequest.of(ReconcileReason.LIVE_CHANGED));
        var last = queue.submit("shop", ReconcileRequest.of(ReconcileReason.SYNC_REQUESTED));
        release.countDown();

        last.get(10, TimeUnit.SECONDS);
        assertThat(first).isDone();
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(runs).containsExactly(ReconcileReason.DESIRED_CHANGED, ReconcileReason.SYNC_REQUESTED);
        await().until(queue::idle);
    }

    @Test
    void differentAppsAreReconciledInParallel() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        AppQueue queue = new AppQueue(workers, (app, request) -> {
            bothRunning.countDown();
            try {
                bothRunning.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        var shop = queue.submit("shop", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));
        var blog = queue.submit("blog", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));

        shop.get(10, TimeUnit.SECONDS);
        blog.get(10, TimeUnit.SECONDS);
        assertThat(bothRunning.getCount()).isZero();
    }
}
