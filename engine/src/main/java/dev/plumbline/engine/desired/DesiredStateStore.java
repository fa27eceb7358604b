package dev.plumbline.engine.desired;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.topic.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desired state per app, kept from the compacted {@code plumbline.rendered-manifests} topic, so that reading the
 * topic from its beginning after a restart rebuilds it. Only what the renderer's trusted keys verify is taken: write
 * access to the topic alone must not decide what the cluster looks like.
 */
public final class DesiredStateStore {

    private final Map<String, DesiredState> states = new ConcurrentHashMap<>();
    private final RenderSignatures signatures;

    /** @param rendererKeys the public keys the renderer signs renders with */
    public DesiredStateStore(TrustedKeys rendererKeys) {
        this.signatures = new RenderSignatures(rendererKeys);
    }

    /**
     * Takes one record of the rendered-manifests topic.
     *
     * @param app   the record key
     * @param event the record value; null for a tombstone (the app was deleted)
     * @return whether the record was trusted; an untrusted one leaves the desired state as it was and is remembered
     *         as the app's latest untrusted record
     * @throws IllegalArgumentException when the record is neither a render nor a render failure of that app
     */
    public SignatureCheck accept(String app, PlumblineEvent event) {
        if (event == null) {
            states.remove(app);
            return SignatureCheck.TRUSTED;
        }
        if (!app.equals(event.app())) {
            throw new IllegalArgumentException("the render of app " + event.app() + " arrived under key " + app);
        }
        if (!(event instanceof ManifestsRendered) && !(event instanceof RenderFailed)) {
            throw new IllegalArgumentException(Topics.RENDERED_MANIFESTS + " carries renders and render failures, got "
                    + event.type() + " under key " + app);
        }
        SignatureCheck check = signatures.check(event);
        if (!check.trusted()) {
            UntrustedRender untrusted = new UntrustedRender(event, check.problem());
            states.compute(
                    app,
                    (key, before) -> before == null
                            ? new DesiredState(null, null, untrusted)
                            : new DesiredState(before.lastRendered(), before.failure(), untrusted));
        } else if (event instanceof ManifestsRendered rendered) {
            states.put(app, new DesiredState(rendered, null, null));
        } else if (event instanceof RenderFailed failed) {
            // a failure carries the last good render, which matters after compaction removed the render itself
            states.compute(
                    app,
                    (key, before) -> new DesiredState(
                            failed.lastRendered() != null
                                    ? failed.lastRendered()
                                    : before == null ? null : before.lastRendered(),
                            failed,
                            null));
        }
        return check;
    }

    public Optional<DesiredState> get(String app) {
        return Optional.ofNullable(states.get(app));
    }
}
