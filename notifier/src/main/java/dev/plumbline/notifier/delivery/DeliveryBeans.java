package dev.plumbline.notifier.delivery;

import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.template.MessageTemplates;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The plain classes of delivery as beans, built from the configuration; a bad setting fails start-up. */
public class DeliveryBeans {

    @Produces
    @Singleton
    DedupWindow dedupWindow(NotifierConfig config) {
        return new DedupWindow(config.dedup().window());
    }

    @Produces
    @Singleton
    MessageTemplates templates(NotifierConfig config) {
        return new MessageTemplates(
                config.templates().directory(), config.aggregation().maxObjectsListed());
    }

    @Produces
    @Singleton
    Routing routing(NotifierConfig config) {
        Set<NotificationOccasion> occasions = EnumSet.noneOf(NotificationOccasion.class);
        config.defaults().triggers().forEach(name -> occasions.add(occasion(name)));
        Map<NotificationOccasion, List<Target>> perOccasion = new EnumMap<>(NotificationOccasion.class);
        config.defaults().perTrigger().forEach((name, targets) -> perOccasion.put(occasion(name), targets(targets)));
        return new Routing(occasions, targets(config.defaults().destinations()), perOccasion);
    }

    private static List<Target> targets(List<String> texts) {
        return texts.stream().filter(text -> !text.isBlank()).map(Target::parse).toList();
    }

    static NotificationOccasion occasion(String name) {
        try {
            return NotificationOccasion.valueOf(
                    name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "unknown notification occasion " + name + "; the occasions are "
                            + EnumSet.allOf(NotificationOccasion.class).stream()
                                    .map(NotificationOccasion::label)
                                    .toList(),
                    unknown);
        }
    }
}
