package dev.plumbline.reconciler.reconcile;

import java.time.Duration;
import java.util.Set;

/** Tombstones for the specs of Applications deleted while no reconciler watched, once the Applications are known. */
public interface StaleSpecSweep {

    /**
     * @return the apps given a tombstone
     * @throws IllegalStateException when the published specs could not be read to their end within {@code within}
     */
    Set<String> sweep(Duration within);
}
