package dev.plumbline.driftauditor.drift;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.watch.LiveObjectCache;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.manifest.GroupKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DriftMonitor} on a clock the test moves, publishing into a list, and the app "web" whose Deployment "web"
 * ({@link #desired}, 3 replicas) a test makes live as desired with {@link #liveAsDesired}.
 */
abstract class DriftMonitorFixture {

    static final Instant START = Instant.parse("2026-11-27T15:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final List<PlumblineEvent> published = new ArrayList<>();
    final LiveObjectCache cache = new LiveObjectCache(kinds -> {});
    final DriftMonitor monitor = new DriftMonitor(DriftSettings.defaults(), clock, cache, published::add, app -> true);
    final ObjectNode desired = deployment("web", "web", 3);

    /** App "web" has this spec and render, and its Deployment is live as the render wants, applied by Plumbline. */
    void liveAsDesired(ApplicationSpec spec, ManifestsRendered render) {
        cache.markSynced(new GroupKind("apps", "Deployment"));
        monitor.specChanged("web", spec);
        monitor.desiredChanged("web", render);
        change(live(desired, 3, "plumbline", START));
    }

    void change(ObjectNode body) {
        monitor.liveChanged(cache.put(body), body);
    }

    <T extends PlumblineEvent> List<T> all(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends PlumblineEvent> T only(Class<T> type) {
        assertThat(all(type)).as(type.getSimpleName() + " in " + published).hasSize(1);
        return all(type).get(0);
    }
}
