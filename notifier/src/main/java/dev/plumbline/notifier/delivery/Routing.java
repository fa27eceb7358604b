package dev.plumbline.notifier.delivery;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.NotificationTrigger;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told of a trigger. An Application that lists subscriptions gets exactly those, so that it can opt out of
 * a default; one that lists none (or that the notifier does not know yet) gets the configured defaults.
 */
public final class Routing {

    private final Map<NotificationTrigger, List<Target>> defaults;

    /**
     * @param defaultTriggers     the triggers the default destinations hear
     * @param defaultTargets      the default destinations
     * @param perTriggerOverrides for some triggers, other default destinations than {@code defaultTargets}
     */
    public Routing(Set<NotificationTrigger> defaultTriggers, List<Target> defaultTargets,
                   Map<NotificationTrigger, List<Target>> perTriggerOverrides) {
        Map<NotificationTrigger, List<Target>> all = new EnumMap<>(NotificationTrigger.class);
        defaultTriggers.forEach(trigger -> all.put(trigger, List.copyOf(defaultTargets)));
        all.putAll(perTriggerOverrides);
        this.defaults = all;
    }

    public List<Target> targets(NotificationTrigger trigger, Optional<ApplicationSpec> spec) {
        if (spec.isPresent() && !spec.get().notifications().isEmpty()) {
            Set<Target> targets = new LinkedHashSet<>();
            spec.get().notifications().stream()
                    .filter(subscription -> subscription.trigger() == trigger)
                    .forEach(subscription -> targets.add(new Target(subscription.channel(), subscription.recipient())));
            return List.copyOf(targets);
        }
        return defaults.getOrDefault(trigger, List.of());
    }
}
