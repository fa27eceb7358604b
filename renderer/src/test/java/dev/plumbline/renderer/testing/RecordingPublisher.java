package dev.plumbline.renderer.testing;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.renderer.render.RenderPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps what would have gone to {@code plumbline.rendered-manifests}, in order. */
public final class RecordingPublisher implements RenderPublisher {

    private final List<PlumblineEvent> published = new ArrayList<>();
    private final List<String> tombstones = new ArrayList<>();

    @Override
    public synchronized void publish(PlumblineEvent outcome) {
        published.add(outcome);
    }

    @Override
    public synchronized void tombstone(String app) {
        tombstones.add(app);
    }

    public synchronized List<PlumblineEvent> published() {
        return List.copyOf(published);
    }

    public synchronized List<String> tombstones() {
        return List.copyOf(tombstones);
    }

    public synchronized List<String> apps() {
        return published.stream().map(PlumblineEvent::app).toList();
    }

    public synchronized ManifestsRendered rendered(String app) {
        return published.stream()
                .filter(event -> app.equals(event.app()))
                .filter(ManifestsRendered.class::isInstance)
                .map(ManifestsRendered.class::cast)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(app + " did not render: " + published));
    }

    public synchronized RenderFailed failed(String app) {
        return published.stream()
                .filter(event -> app.equals(event.app()))
                .filter(RenderFailed.class::isInstance)
                .map(RenderFailed.class::cast)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(app + " did not fail: " + published));
    }

    public synchronized void clear() {
        published.clear();
        tombstones.clear();
    }
}
