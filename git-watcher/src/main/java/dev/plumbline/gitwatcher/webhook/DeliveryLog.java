package dev.plumbline.gitwatcher.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries seen lately, so that a redelivery is acknowledged and does nothing. A delivery is known by its
 * provider, its delivery id and the digest of its body: hosts resend the same bytes under the same id, and a forged
 * body under a real id does not silence the real delivery. Bounded in size and age, so memory stays flat. A log
 * over a folder also writes each delivery down and reads them back at start: a delivery captured before a restart
 * cannot be replayed after it.
 */
public final class DeliveryLog {

    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final DeliveryFile file;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    /** A log kept in memory only. */
    public DeliveryLog(int capacity, Duration window, Clock clock) {
        this(capacity, window, clock, null);
    }

    private DeliveryLog(int capacity, Duration window, Clock clock, DeliveryFile file) {
        this.capacity = capacity;
        this.window = window;
        this.clock = clock;
        this.file = file;
        if (file != null) {
            file.load().forEach(seen::put);
            forgetOlderThan(clock.instant().minus(window));
            trimToCapacity();
            file.rewrite(seen);
        }
    }

    /** A log kept in {@code folder} too, with what an earlier run wrote there read back. */
    public static DeliveryLog persistent(Path folder, int capacity, Duration window, Clock clock) {
        return new DeliveryLog(capacity, window, clock, new DeliveryFile(folder.resolve("deliveries")));
    }

    /** True the first time a delivery is offered within the window; a delivery without an id is always first. */
    public synchronized boolean firstTime(Delivery delivery, String bodyDigest) {
        if (delivery.deliveryId() == null || delivery.deliveryId().isBlank()) {
            return true;
        }
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));
        // hashed, so that what a sender puts in a header is never written as it came, and every line is alike
        String key =
                Signatures.sha256Hex((delivery.provider().label() + '\n' + delivery.deliveryId() + '\n' + bodyDigest)
                        .getBytes(StandardCharsets.UTF_8));
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, now);
        trimToCapacity();
        if (file != null && file.append(key, now) > capacity) {
            file.rewrite(seen);
        }
        return true;
    }

    private void trimToCapacity() {
        Iterator<String> eldest = seen.keySet().iterator();
        while (seen.size() > capacity) {
            eldest.next();
            eldest.remove();
        }
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue().isBefore(limit)) {
            entries.remove();
        }
    }
}
