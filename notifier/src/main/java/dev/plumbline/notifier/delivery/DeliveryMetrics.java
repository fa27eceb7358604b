package dev.plumbline.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The notifier's metrics. Destinations are tagged by name ({@code slack:shop-alerts}), never by URL.
 * <ul>
 * <li>{@code plumbline_notifier_deliveries_total{channel,destination,outcome}}: notifications by how they ended:
 * {@code delivered}, {@code suppressed} (a repeat within the dedup window), {@code dead-lettered},
 * {@code unconfigured} (a subscription to a destination the notifier does not have);</li>
 * <li>{@code plumbline_notifier_delivery_attempts_total{channel,destination,result}}: single attempts:
 * {@code ok}, {@code failed}, {@code rate-limited}, {@code refused}, {@code circuit-open}, {@code timeout};</li>
 * <li>{@code plumbline_notifier_dead_letters_total{channel,destination}}: notifications written to the dead-letter
 * topic.</li>
 * </ul>
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void outcome(Target target, String outcome) {
        Counter.builder("plumbline.notifier.deliveries")
                .description("Notifications by destination and outcome")
                .tag("channel", target.channel().label())
                .tag("destination", target.destination())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void attempt(Target target, String result) {
        Counter.builder("plumbline.notifier.delivery.attempts")
                .description("Delivery attempts by result")
                .tag("channel", target.channel().label())
                .tag("destination", target.destination())
                .tag("result", result)
                .register(registry)
                .increment();
    }

    public void deadLetter(Target target) {
        Counter.builder("plumbline.notifier.dead.letters")
                .description("Notifications written to the dead letters")
                .tag("channel", target.channel().label())
                .tag("destination", target.destination())
                .register(registry)
                .increment();
    }
}
