package dev.plumbline.engine.desired;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import java.util.Optional;

/**
 * What one app wants, as the renderer last said: the objects of the last good render, and the failure of the latest
 * render when it failed. A failed render never empties desired state: the cluster keeps the last good one.
 *
 * @param lastRendered the last successful render; null when the app never rendered
 * @param failure      the latest render's failure; null when the latest render succeeded
 */
public record DesiredState(ManifestsRendered lastRendered, RenderFailed failure) {

    public Optional<ManifestsRendered> rendered() {
        return Optional.ofNullable(lastRendered);
    }

    public Optional<RenderFailed> latestFailure() {
        return Optional.ofNullable(failure);
    }
}
