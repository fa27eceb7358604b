package dev.plumbline.engine.application;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.topic.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current spec of every Application, as the compacted {@code plumbline.applications} topic tells it: a spec
 * replaces the one before under its app, a tombstone (no event) removes it. Records of one app arrive in order,
 * because the app is the record key.
 */
public final class ApplicationCatalog {

    private final Map<String, ApplicationSpec> specs = new ConcurrentHashMap<>();

    /**
     * Takes one record of the applications topic.
     *
     * @param app   the record key
     * @param event the record value; null for a tombstone
     * @throws IllegalArgumentException when the record is not an Application spec for that app
     */
    public void accept(String app, PlumblineEvent event) {
        if (app == null) {
            throw new IllegalArgumentException(
                    Topics.APPLICATIONS + " records are keyed by app, got a record without a key");
        }
        if (event == null) {
            specs.remove(app);
            return;
        }
        if (!(event instanceof ApplicationSpec spec)) {
            throw new IllegalArgumentException(
                    Topics.APPLICATIONS + " carries Application specs, got " + event.type() + " under key " + app);
        }
        if (!app.equals(spec.app())) {
            throw new IllegalArgumentException("the spec of app " + spec.app() + " arrived under key " + app);
        }
        specs.put(app, spec);
    }

    public Optional<ApplicationSpec> get(String app) {
        return Optional.ofNullable(specs.get(app));
    }

    /** Every known Application, sorted by name. */
    public List<ApplicationSpec> all() {
        Collection<ApplicationSpec> current = specs.values();
        return current.stream()
                .sorted(java.util.Comparator.comparing(ApplicationSpec::app))
                .toList();
    }
}
