package dev.plumbline.reconciler.reconcile;

import java.util.function.Consumer;

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
}
