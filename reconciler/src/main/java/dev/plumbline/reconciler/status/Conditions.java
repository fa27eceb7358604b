package dev.plumbline.reconciler.status;

import dev.plumbline.reconciler.application.ApplicationStatusModel.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions one reconcile found, turned into status conditions that keep their {@code lastTransitionTime}
 * while they hold with the same reason, so that an unchanged state writes an unchanged status.
 */
public final class Conditions {

    private final Map<ConditionType, String[]> found = new EnumMap<>(ConditionType.class);

    /** Records a condition that holds, with a one-word reason and a message a person can act on. */
    public Conditions set(ConditionType type, String reason, String message) {
        found.put(type, new String[] {reason, message, null});
        return this;
    }

    /** Records a condition that holds since a known time (an event's), which becomes its transition time. */
    public Conditions set(ConditionType type, String reason, String message, Instant since) {
        found.put(type, new String[] {reason, message, since.toString()});
        return this;
    }

    public boolean has(ConditionType type) {
        return found.containsKey(type);
    }

    /** The status conditions, in the order of {@link ConditionType}; times kept from {@code previous} where unchanged. */
    public List<Condition> toStatus(List<Condition> previous, Instant now) {
        List<Condition> conditions = new ArrayList<>();
        found.forEach((type, value) -> {
            Condition condition = new Condition();
            condition.type = type.name();
            condition.status = "True";
            condition.reason = value[0];
            condition.message = value[1];
            condition.lastTransitionTime = value[2] != null
                    ? value[2]
                    : previous == null
                            ? now.toString()
                            : previous.stream()
                                    .filter(before -> type.name().equals(before.type) && value[0].equals(before.reason))
                                    .map(before -> before.lastTransitionTime)
                                    .findFirst()
                                    .orElse(now.toString());
            conditions.add(condition);
        });
        return conditions;
    }
}
