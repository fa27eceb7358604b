package dev.plumbline.engine.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The order a sync applies objects in: Namespaces and CustomResourceDefinitions first (everything else may live in
 * them or be one of them), then by sync wave, then by kind ({@link KindOrder}), then by name and namespace, so that
 * the order is total and the same render always applies the same way. Prunes go in exactly the reverse order:
 * workloads before their configuration, namespaces last.
 */
public final class ApplyOrder {

    private ApplyOrder() {}

    /** @throws InvalidSyncWaveException when an object's sync-wave annotation is not an integer */
    public static List<RenderedObject> forApply(List<RenderedObject> objects) {
        return sorted(objects, RenderedObject::body, false);
    }

    /** The objects of a sync grouped into waves, in order. */
    public static List<ApplyWave> waves(List<RenderedObject> objects) {
        List<ApplyWave> waves = new ArrayList<>();
        List<RenderedObject> current = new ArrayList<>();
        Position currentPosition = null;
        for (RenderedObject object : forApply(objects)) {
            Position position = Position.of(object.body());
            if (currentPosition != null
                    && (position.phase != currentPosition.phase || position.wave != currentPosition.wave)) {
                waves.add(wave(currentPosition, current));
                current = new ArrayList<>();
            }
            current.add(object);
            currentPosition = position;
        }
        if (currentPosition != null) {
            waves.add(wave(currentPosition, current));
        }
        return waves;
    }

    /** Live objects in the order a prune deletes them: the reverse of the apply order. */
    public static <T extends JsonNode> List<T> forPrune(List<T> liveObjects) {
        return sorted(liveObjects, object -> object, true);
    }

    private static ApplyWave wave(Position position, List<RenderedObject> objects) {
        return new ApplyWave(position.phase == 0, position.phase == 0 ? 0 : position.wave, objects);
    }

    private static <T> List<T> sorted(List<T> objects, Function<T, JsonNode> body, boolean reversed) {
        List<Keyed<T>> keyed = new ArrayList<>(objects.size());
        for (T object : objects) {
            keyed.add(new Keyed<>(object, Position.of(body.apply(object))));
        }
        Comparator<Keyed<T>> order = Comparator.comparing(Keyed::position, Position.ORDER);
        keyed.sort(reversed ? order.reversed() : order);
        return keyed.stream().map(Keyed::object).toList();
    }

    private record Keyed<T>(T object, Position position) {}

    /** Where one object stands in the apply order. */
    private record Position(int phase, int wave, int kindRank, String kind, String name, String namespace) {

        static final Comparator<Position> ORDER = Comparator.comparingInt(Position::phase)
                .thenComparingInt(Position::wave)
                .thenComparingInt(Position::kindRank)
                .thenComparing(Position::kind)
                .thenComparing(Position::name)
                .thenComparing(Position::namespace);

        static Position of(JsonNode body) {
            ObjectIdentity identity = ObjectIdentityReader.identityOf(body);
            boolean prerequisite = identity.group().isEmpty() && identity.kind().equals("Namespace")
                    || identity.group().equals("apiextensions.k8s.io")
                            && identity.kind().equals("CustomResourceDefinition");
            return new Position(
                    prerequisite ? 0 : 1,
                    prerequisite ? 0 : SyncWave.of(body),
                    KindOrder.rank(identity.kind()),
                    identity.kind(),
                    identity.name(),
                    Objects.requireNonNullElse(identity.namespace(), ""));
        }
    }
}
