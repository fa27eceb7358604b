package dev.plumbline.notifier.delivery;

import dev.plumbline.events.vocabulary.NotificationChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The notifier's metrics. Every tag value comes from the notifier's own configuration, never from an Application,
 * so the meters stay as few as the configured destinations however many addresses Applications name: a Slack
 * destination or webhook is tagged by its configured name ({@code destination="shop-alerts"}), never by URL; all
 * email recipients share {@code destination="any-address"}; a destination not configured here is counted as
 * {@code destination="unconfigured"} (the log names it). Which address was told is in the delivery log.
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

    private static final String ANY_ADDRESS = "any-address";
    private static final String UNCONFIGURED = "unconfigured";

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts how a notification ended for a configured destination or an email address. */
    public void outcome(Target target, String outcome) {
        deliveries(target, destination(target), outcome);
    }

    /** Counts a notification for a destination not configured here, without its name (an Application chose it). */
    public void unconfigured(Target target) {
        deliveries(target, UNCONFIGURED, UNCONFIGURED);
    }

    public void attempt(Target target, String result) {
        Counter.builder("plumbline.notifier.delivery.attempts")
                .description("Delivery attempts by result")
                .tag("channel", target.channel().label())
                .tag("destination", destination(target))
                .tag("result", result)
                .register(registry)
                .increment();
    }

    public void deadLetter(Target target) {
        Counter.builder("plumbline.notifier.dead.letters")
                .description("Notifications written to the dead letters")
                .tag("channel", target.channel().label())
                .tag("destination", destination(target))
                .register(registry)
                .increment();
    }

    private void deliveries(Target target, String destination, String outcome) {
        Counter.builder("plumbline.notifier.deliveries")
                .description("Notifications by destination and outcome")
                .tag("channel", target.channel().label())
                .tag("destination", destination)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The tag of a destination that reached a worker: configured names are few, email addresses are not. */
    private static String destination(Target target) {
        return target.channel() == NotificationChannel.EMAIL ? ANY_ADDRESS : target.destination();
    }
}
