package dev.plumbline.notifier.aggregate;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.notifier.occasion.ObjectLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers what each destination was told within the window, so that the same occasion for the same app, revision
 * and subject is told once: a repeat is suppressed, unless it names objects the earlier message did not, and then
 * only those are told. That keeps a redelivery after a restart silent, yet a drift that keeps growing still
 * reaches people. Thread-safe: deliveries to several destinations and the delivery log reader share it.
 */
public final class DedupWindow {

    private record Told(Instant at, Set<String> objects) {}

    private final Duration window;
    private final Map<String, Told> told = new HashMap<>();

    public DedupWindow(Duration window) {
        this.window = window;
    }

    /**
     * What to send to {@code destination}: the notification, the part of it not told yet, or nothing.
     */
    public synchronized Optional<Notification> decide(String destination, Notification notification, Instant now) {
        forgetOlderThan(now.minus(window));
        Told earlier = told.get(key(destination, notification.dedupKey()));
        if (earlier == null) {
            return Optional.of(notification);
        }
        List<ObjectLine> fresh = notification.objects().stream()
                .filter(line -> !earlier.objects().contains(identity(line.object())))
                .toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(notification.onlyNew(fresh, earlier.objects().size()));
    }

    /** Notes that {@code destination} was told about {@code objects} at {@code at}. */
    public synchronized void record(
            String destination, String dedupKey, Collection<ObjectIdentity> objects, Instant at) {
        String key = key(destination, dedupKey);
        Told earlier = told.get(key);
        Set<String> all = new HashSet<>(earlier == null ? Set.of() : earlier.objects());
        objects.forEach(object -> all.add(identity(object)));
        Instant latest = earlier == null || at.isAfter(earlier.at()) ? at : earlier.at();
        told.put(key, new Told(latest, Set.copyOf(all)));
    }

    /** How many destination and key pairs are remembered. */
    public synchronized int size() {
        return told.size();
    }

    private void forgetOlderThan(Instant horizon) {
        for (Iterator<Told> it = told.values().iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(horizon)) {
                it.remove();
            }
        }
    }

    private static String key(String destination, String dedupKey) {
        return destination + "|" + dedupKey;
    }

    /** Two versions of one object are the same object. */
    private static String identity(ObjectIdentity object) {
        return object.group() + "/" + object.kind() + "/" + object.namespace() + "/" + object.name();
    }
}
