package dev.plumbline.cli.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Watches one key of one ConfigMap and notes when each value appears in the cluster, so that a latency is measured
 * to the watch event rather than to the next tick of a poll. One reader takes the values in the order they came.
 */
final class ValueWatch implements AutoCloseable {

    private record Seen(Instant at, String value) {}

    private final String key;
    private final BlockingQueue<Seen> values = new LinkedBlockingQueue<>();
    private final Watch watch;

    ValueWatch(KubernetesClient cluster, String namespace, String name, String key) {
        this.key = key;
        this.watch = cluster.configMaps().inNamespace(namespace).withName(name).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap object) {
                Instant now = Instant.now();
                if (object.getData() != null && object.getData().get(key) != null) {
                    values.add(new Seen(now, object.getData().get(key)));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                values.add(new Seen(Instant.now(), null));
            }
        });
    }

    /** When {@code value} appeared, at or after {@code notBefore}; values seen before it are passed over. */
    Instant await(String value, Instant notBefore, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Seen seen = values.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (seen == null) {
                    throw new BenchException(
                            key + "=" + value + " did not reach the cluster within " + timeout.toSeconds() + " s");
                }
                if (seen.value() == null) {
                    throw new BenchException(
                            "the watch of the ConfigMap closed while waiting for " + key + "=" + value);
                }
                if (seen.value().equals(value) && !seen.at().isBefore(notBefore)) {
                    return seen.at();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
