package dev.plumbline.cli.faults;

import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.Random;

/** What an injection may touch: the system, its apps, and the row's random choices (seeded, so a row re-runs). */
record FaultContext(FaultStack system, AppFleet fleet, Random random) {

    static final String DRIFT_AUDITOR_GROUP = "plumbline-drift-auditor";
    /** How long a killed instance stays down: long enough for its group to give its partitions to the other one. */
    static final Duration DOWN = Duration.ofSeconds(20);

    /** A random instance of a scalable service. */
    String anyInstanceOf(String service) {
        return FaultStack.instancesOf(service).get(random.nextInt(FaultStack.INSTANCES));
    }

    OwnerLookup owners() {
        return new OwnerLookup(EmbeddedKafka.clientSettings(system.layout.kafkaClients(), "admin"));
    }

    /** The drift-auditor instance holding {@code app}, as one of the instance names; empty while none does. */
    java.util.Optional<String> driftAuditorOf(String app) {
        return owners().owner(DRIFT_AUDITOR_GROUP, app)
                .flatMap(id -> FaultStack.instancesOf("drift-auditor").stream()
                        .filter(id::contains)
                        .findFirst());
    }

    Plumb.Run plumb(String... args) {
        return Plumb.run(system.stack.environment(), args);
    }

    /** Kills {@code instance} with SIGKILL, keeps it down for {@link #DOWN}, and starts it again. */
    Injection.Done killAndRestart(String instance, String injected) {
        system.stack.kill(instance);
        Hold.lasting(DOWN);
        system.stack.start(instance);
        return Injection.Done.at(injected);
    }
}
