package dev.plumbline.cli.faults;

import java.time.Instant;
import java.util.List;

/**
 * A fault done to the running system, from its start to its end (the killed process started again, the outage over).
 */
@FunctionalInterface
interface Injection {

    /**
     * What was done, when it ended, and what the system forgot while it lasted (a pause or a fight that did not
     * survive a hand-over), each with its evidence.
     */
    record Done(String injected, Instant endedAt, List<String> forgotten) {

        static Done at(String injected) {
            return new Done(injected, Instant.now(), List.of());
        }
    }

    Done inject(FaultContext context);
}
