package dev.plumbline.reconciler.reconcile;

import dev.plumbline.engine.desired.DesiredStateStore;

/** The desired state of the apps of this instance's partitions, as the renderer last published it. */
public interface DesiredStates {

    DesiredStateStore desiredState();
}
