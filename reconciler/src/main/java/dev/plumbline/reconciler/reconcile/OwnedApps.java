package dev.plumbline.reconciler.reconcile;

import java.util.function.Consumer;

/** Which apps this instance reconciles: those on the partitions its consumer group gave it. */
public interface OwnedApps {

    boolean owns(String app);

    /** @param gained hears each time partitions are assigned to this instance, to reconcile the apps it gained */
    void onGained(Consumer<OwnedApps> gained);
}
