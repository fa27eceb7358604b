package dev.plumbline.renderer.render;

import dev.plumbline.events.PlumblineEvent;

/** Where render outcomes go: {@code plumbline.rendered-manifests}, keyed by app. Returns once the broker has them. */
public interface RenderPublisher {

    /** Publishes a {@code ManifestsRendered} or {@code RenderFailed} under its app. */
    void publish(PlumblineEvent outcome);

    /** Deletes the app's desired state from the compacted topic: its Application was deleted. */
    void tombstone(String app);
}
