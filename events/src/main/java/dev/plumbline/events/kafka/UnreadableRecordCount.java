package dev.plumbline.events.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts skipped records in Micrometer's global registry, which every service's Quarkus registry joins. Apart from
 * {@link UnreadableRecordSkipper} so that Micrometer stays optional: a reader without it (the CLI) never loads this
 * class, and the skipper only logs.
 */
final class UnreadableRecordCount {

    private UnreadableRecordCount() {}

    static void increment(String topic) {
        Counter.builder(UnreadableRecordSkipper.METRIC)
                .description("Records skipped because they could not be read as Plumbline events")
                .tag("topic", topic)
                .register(Metrics.globalRegistry)
                .increment();
    }
}
