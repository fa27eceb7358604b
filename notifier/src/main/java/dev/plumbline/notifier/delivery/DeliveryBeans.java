package dev.plumbline.notifier.delivery;

import dev.plumbline.events.vocabulary.NotificationTrigger;
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
        return new MessageTemplates(config.templates().directory(), config.aggregation().maxObjectsListed());
    }

    @Produces
    @Singleton
    Routing routing(NotifierConfig config) {
        Set<NotificationTrigger> triggers = EnumSet.noneOf(NotificationTrigger.class);
        config.defaults().triggers().forEach(name -> triggers.add(trigger(name)));
        Map<NotificationTrigger, List<Target>> perTrigger = new EnumMap<>(NotificationTrigger.class);
        config.defaults().perTrigger().forEach((name, targets) -> perTrigger.put(trigger(name), targets(targets)));
        return new Routing(triggers, targets(config.defaults().destinations()), perTrigger);
    }

    private static List<Target> targets(List<String> texts) {
        return texts.stream().filter(text -> !text.isBlank()).map(Target::parse).toList();
    }

    static NotificationTrigger trigger(String name) {
        try {
            return NotificationTrigger.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown notification trigger " + name + "; the triggers are "
                    + EnumSet.allOf(NotificationTrigger.class).stream().map(NotificationTrigger::label).toList(),
                    unknown);
        }
    }
}
