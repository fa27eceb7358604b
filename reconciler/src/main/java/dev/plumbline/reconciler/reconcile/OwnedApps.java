package dev.plumbline.reconciler.reconcile;

import java.util.function.Consumer;
import java.util.function.Predicate;

/** Which apps this instance reconciles: those on the partitions its consumer group gave it. */
public interface OwnedApps {

    /**
     * Whether the app's partition was gained but not yet read up to where it stood then: the app is not reconciled
     * meanwhile, since the desired state held may still be an older render than the newest
     */
    boolean readingBack(String app);

    boolean owns(String app);

    /** @param gained hears when partitions assigned to this instance are read back, to reconcile the apps gained */
    void onGained(Consumer<OwnedApps> gained);

    /**
     * @param losing hears, before partitions leave this instance, which apps are on them; the partitions go to
     *        another instance only once it returns, so it waits for what this instance is still doing to them
     */
    void onLosing(Consumer<Predicate<String>> losing);
}
