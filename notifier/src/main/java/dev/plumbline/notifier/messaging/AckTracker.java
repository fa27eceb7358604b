package dev.plumbline.notifier.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Acknowledges each Kafka record once everything made from it is done: every notification it took part in was
 * delivered, suppressed or dead-lettered, and no sync still holds it. A record counts one for itself while it is
 * being handled, and one more for each notification or sync that holds it; it is acknowledged at zero. The
 * throttled commit strategy then commits an offset once every record before it is acknowledged too.
 */
final class AckTracker {

    private static final class Entry {
        private int holds;
        private final List<Runnable> acks = new ArrayList<>();
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** A record read, held once by its handling; the same event read twice waits for both. */
    synchronized void register(String eventId, Runnable ack) {
        Entry entry = entries.computeIfAbsent(eventId, id -> new Entry());
        entry.holds++;
        entry.acks.add(ack);
    }

    synchronized void hold(String eventId) {
        Entry entry = entries.get(eventId);
        if (entry != null) {
            entry.holds++;
        }
    }

    void release(String eventId) {
        List<Runnable> due;
        synchronized (this) {
            Entry entry = entries.get(eventId);
            if (entry == null || --entry.holds > 0) {
                return;
            }
            entries.remove(eventId);
            due = entry.acks;
        }
        due.forEach(Runnable::run);
    }

    synchronized int pending() {
        return entries.size();
    }
}
