package dev.plumbline.reconciler.reconcile;

import dev.plumbline.engine.desired.UntrustedRender;

/** The message of the {@code RenderUntrusted} condition: which revision, why it was refused, and what to check. */
final class RenderTrustMessage {

    private RenderTrustMessage() {}

    static String of(UntrustedRender untrusted) {
        String revision = untrusted.revision() == null ? "an unnamed revision" : "revision " + untrusted.revision();
        return "the " + untrusted.kind() + " of " + revision + " (written as "
                + untrusted.event().source()
                + ") was not applied: " + untrusted.problem() + ". The previous desired state stays in force."
                + " Check that the renderer signs with its key (plumbline.signing.key-file) and that"
                + " plumbline.trust.renderer-keys of the reconciler lists its public key; if the renderer did not"
                + " write this record, something else can write plumbline.rendered-manifests";
    }
}
