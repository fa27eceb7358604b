package dev.plumbline.notifier.delivery;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told of an occasion. An Application that lists subscriptions gets exactly those, so that it can opt out of
 * a default; one that lists none (or that the notifier does not know yet) gets the configured defaults.
 */
public final class Routing {

    private final Map<NotificationOccasion, List<Target>> defaults;

    /**
     * @param defaultOccasions     the occasions the default destinations hear
     * @param defaultTargets      the default destinations
     * @param perOccasionOverrides for some occasions, other default destinations than {@code defaultTargets}
     */
    public Routing(
            Set<NotificationOccasion> defaultOccasions,
            List<Target> defaultTargets,
            Map<NotificationOccasion, List<Target>> perOccasionOverrides) {
        Map<NotificationOccasion, List<Target>> all = new EnumMap<>(NotificationOccasion.class);
        defaultOccasions.forEach(occasion -> all.put(occasion, List.copyOf(defaultTargets)));
        all.putAll(perOccasionOverrides);
        this.defaults = all;
    }

    public List<Target> targets(NotificationOccasion occasion, Optional<ApplicationSpec> spec) {
        if (spec.isPresent() && !spec.get().notifications().isEmpty()) {
            Set<Target> targets = new LinkedHashSet<>();
            spec.get().notifications().stream()
                    .filter(subscription -> subscription.occasion() == occasion)
                    .forEach(subscription -> targets.add(new Target(subscription.channel(), subscription.recipient())));
            return List.copyOf(targets);
        }
        return defaults.getOrDefault(occasion, List.of());
    }
}
