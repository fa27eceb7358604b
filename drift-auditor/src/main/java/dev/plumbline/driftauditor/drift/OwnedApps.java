package dev.plumbline.driftauditor.drift;

/** Which apps this instance compares: those on the partitions its consumer group gave it. */
public interface OwnedApps {

    boolean owns(String app);
}
