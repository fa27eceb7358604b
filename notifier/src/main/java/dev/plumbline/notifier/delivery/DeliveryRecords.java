package dev.plumbline.notifier.delivery;

import dev.plumbline.events.NotificationDeadLettered;
import dev.plumbline.events.NotificationSent;

/** Where the outcome of each delivery is written down: the delivery log and the dead letters. */
public interface DeliveryRecords {

    /** Writes that a notification was delivered; returns once the broker has it. */
    void sent(NotificationSent sent) throws Exception;

    /** Writes a notification given up on; returns once the broker has it. */
    void deadLettered(NotificationDeadLettered deadLetter) throws Exception;
}
