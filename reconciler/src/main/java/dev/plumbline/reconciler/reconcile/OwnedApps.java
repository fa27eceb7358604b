package dev.plumbline.reconciler.reconcile;

import java.util.function.Consumer;
import java.util.function.Predicate;

/** Which apps this instance reconciles: those on the partitions its consumer group gave it. */
public interface OwnedApps {

    boolean owns(String app);

    /** @param gained hears each time partitions are assigned to this instance, to reconcile the apps it gained */
    void onGained(Consumer<OwnedApps> gained);

    /**
     * @param losing hears, before partitions leave this instance, which apps are on them; the partitions go to
     *        another instance only once it returns, so it waits for what this instance is still doing to them
     */
    void onLosing(Consumer<Predicate<String>> losing);
}
