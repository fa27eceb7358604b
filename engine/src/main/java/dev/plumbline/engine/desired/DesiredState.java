package dev.plumbline.engine.desired;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import java.util.Optional;

/**
 * What one app wants, as the renderer last said: the objects of the last good render, and the failure of the latest
 * render when it failed. A failed render never empties desired state: the cluster keeps the last good one. Neither
 * does a record whose signature did not verify: it is only remembered, to be reported, until a trusted one arrives.
 *
 * @param lastRendered the last successful, trusted render; null when the app never rendered
 * @param failure      the latest trusted render's failure; null when the latest render succeeded
 * @param untrusted    the latest record that was refused for its signature; null once a trusted one followed it
 */
public record DesiredState(ManifestsRendered lastRendered, RenderFailed failure, UntrustedRender untrusted) {

    public Optional<ManifestsRendered> rendered() {
        return Optional.ofNullable(lastRendered);
    }

    public Optional<RenderFailed> latestFailure() {
        return Optional.ofNullable(failure);
    }

    public Optional<UntrustedRender> latestUntrusted() {
        return Optional.ofNullable(untrusted);
    }
}
