package dev.plumbline.driftauditor.drift;

import dev.plumbline.events.PlumblineEvent;

/** Where drift alerts, fights, recoveries and heal requests go: Kafka in the service, a list in tests. */
@FunctionalInterface
public interface DriftOutputs {

    void publish(PlumblineEvent event);
}
