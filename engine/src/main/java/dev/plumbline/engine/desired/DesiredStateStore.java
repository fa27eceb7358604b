package dev.plumbline.engine.desired;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.topic.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desired state per app, kept from the compacted {@code plumbline.rendered-manifests} topic, so that reading the
 * topic from its beginning after a restart rebuilds it.
 */
public final class DesiredStateStore {

    private final Map<String, DesiredState> states = new ConcurrentHashMap<>();

    /**
     * Takes one record of the rendered-manifests topic.
     *
     * @param app   the record key
     * @param event the record value; null for a tombstone (the app was deleted)
     * @throws IllegalArgumentException when the record is neither a render nor a render failure of that app
     */
    public void accept(String app, PlumblineEvent event) {
        if (event == null) {
            states.remove(app);
            return;
        }
        if (!app.equals(event.app())) {
            throw new IllegalArgumentException("the render of app " + event.app() + " arrived under key " + app);
        }
        if (event instanceof ManifestsRendered rendered) {
            states.put(app, new DesiredState(rendered, null));
        } else if (event instanceof RenderFailed failed) {
            // a failure carries the last good render, which matters after compaction removed the render itself
            states.compute(
                    app,
                    (key, before) -> new DesiredState(
                            failed.lastRendered() != null
                                    ? failed.lastRendered()
                                    : before == null ? null : before.lastRendered(),
                            failed));
        } else {
            throw new IllegalArgumentException(Topics.RENDERED_MANIFESTS + " carries renders and render failures, got "
                    + event.type() + " under key " + app);
        }
    }

    public Optional<DesiredState> get(String app) {
        return Optional.ofNullable(states.get(app));
    }
}
