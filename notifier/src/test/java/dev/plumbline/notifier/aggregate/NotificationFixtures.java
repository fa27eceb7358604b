package dev.plumbline.notifier.aggregate;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.occasion.ObjectLine;
import dev.plumbline.notifier.occasion.Occurrence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Occurrences and notifications for tests of the plain classes. */
public final class NotificationFixtures {

    public static final String SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5";

    private NotificationFixtures() {}

    public static ObjectIdentity deployment(int index) {
        return ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web-" + index);
    }

    public static Occurrence drift(String app, int... objects) {
        List<ObjectLine> lines = IntStream.of(objects)
                .mapToObj(i -> new ObjectLine(
                        deployment(i), "modified", List.of("spec.replicas: 3 → 5 (kubectl-edit, Update)")))
                .toList();
        return new Occurrence(
                NotificationOccasion.DRIFT_DETECTED,
                app,
                SHA,
                "",
                "c",
                Instant.now(),
                lines,
                List.of("kubectl-edit"),
                "Plumbline will heal it.",
                Map.of("drift mode", "heal"),
                null,
                List.of(UUID.randomUUID().toString()));
    }

    public static Notification notification(String app, int... objects) {
        Aggregator aggregator = new Aggregator(java.time.Duration.ZERO, java.time.Duration.ZERO);
        aggregator.add(drift(app, objects), Instant.now());
        return aggregator.due(Instant.now()).get(0);
    }
}
