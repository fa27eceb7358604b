package dev.plumbline.engine.desired;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;

/** Checks the records of the rendered-manifests topic against the renderer's trusted keys. */
public final class RenderSignatures {

    private final TrustedKeys rendererKeys;

    public RenderSignatures(TrustedKeys rendererKeys) {
        this.rendererKeys = rendererKeys;
    }

    /** Whether a render or render failure may be acted on; any other event is not the renderer's to sign. */
    public SignatureCheck check(PlumblineEvent event) {
        if (event instanceof ManifestsRendered rendered) {
            return rendered.verify(rendererKeys);
        }
        if (event instanceof RenderFailed failed) {
            return failed.verify(rendererKeys);
        }
        return SignatureCheck.TRUSTED;
    }
}
