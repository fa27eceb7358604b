package dev.plumbline.gitwatcher.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries seen lately, so that a redelivery is acknowledged and does nothing. A delivery is known by its
 * provider, its delivery id and the digest of its body: hosts resend the same bytes under the same id, and a forged
 * body under a real id does not silence the real delivery. Bounded in size and age, so memory stays flat.
 */
public final class DeliveryLog {

    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public DeliveryLog(int capacity, Duration window, Clock clock) {
        this.capacity = capacity;
        this.window = window;
        this.clock = clock;
    }

    /** True the first time a delivery is offered within the window; a delivery without an id is always first. */
    public synchronized boolean firstTime(Delivery delivery, String bodyDigest) {
        if (delivery.deliveryId() == null || delivery.deliveryId().isBlank()) {
            return true;
        }
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));
        String key = delivery.provider().label() + '\n' + delivery.deliveryId() + '\n' + bodyDigest;
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        if (seen.size() > capacity) {
            Iterator<String> eldest = seen.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue().isBefore(limit)) {
            entries.remove();
        }
    }
}
