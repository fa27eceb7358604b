package dev.plumbline.engine.desired;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;

/**
 * A record of the rendered-manifests topic that was not taken as desired state because its signature did not verify:
 * unsigned, signed by a key the renderer's trusted keys do not hold, or changed after it was signed.
 *
 * @param event   the render or render failure as it arrived
 * @param problem why it cannot be trusted, a sentence fragment such as "it is not signed; ..."
 */
public record UntrustedRender(PlumblineEvent event, String problem) {

    /** The revision it claims; null when it names none. */
    public String revision() {
        if (event instanceof ManifestsRendered rendered) {
            return rendered.revision();
        }
        return event instanceof RenderFailed failed ? failed.revision() : null;
    }

    /** What it claims to be, for messages: "render" or "render failure". */
    public String kind() {
        return event instanceof RenderFailed ? "render failure" : "render";
    }
}
